import { db } from "@/lib/db/client";
import { campaignsUsing } from "./used-by";
import { notFound } from "@/lib/http/errors";
import { archiveStateOf, type ArchiveState } from "@/lib/segments/archive-state";
import type { Finding } from "./finding";
import { completenessMatrix, type CompletenessRow } from "./locale";
import type { TemplateContent } from "./schema";
import { contentOf, summaryOf, type VersionSummary } from "./versions";

export type TemplateVersionDetail = VersionSummary & { content: TemplateContent; findings: Finding[] };

export type TemplateDetail = ArchiveState & {
  id: string;
  name: string;
  channel: TemplateContent["channel"];
  description: string;
  /** The event a triggered send goes out on (its properties are event.* in copy), or null. */
  triggerEvent: string | null;
  ownerEmail: string;
  createdAt: string;
  updatedAt: string;
  /** The working copy the editor opens: the draft, or null when the published version is the latest. */
  draft: TemplateVersionDetail | null;
  published: TemplateVersionDetail | null;
  /** Every version, newest first, without content. */
  versions: VersionSummary[];
  /** Per locale of the working copy, which fields it defines and where the rest come from. */
  completeness: CompletenessRow[];
  /** Campaigns sending the template. */
  usedBy: { id: string; name: string }[];
};

const detail = (
  v: Parameters<typeof summaryOf>[0] & { content: unknown; findings: unknown },
): TemplateVersionDetail => ({ ...summaryOf(v), content: contentOf(v.content), findings: v.findings as Finding[] });

export async function getTemplate(workspaceId: string, templateId: string): Promise<TemplateDetail> {
  const row = await db.template.findUnique({
    where: { workspaceId_id: { workspaceId, id: templateId } },
    include: { versions: { orderBy: { version: "desc" } } },
  });
  if (!row) throw notFound("That template");
  const draft = row.versions.find((v) => v.status === "draft");
  const published = row.versions.find((v) => v.status === "published");
  const working = draft ?? published;
  return {
    id: row.id,
    name: row.name,
    channel: row.channel as TemplateContent["channel"],
    description: row.description,
    triggerEvent: row.triggerEvent,
    ownerEmail: row.ownerEmail,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    draft: draft ? detail(draft) : null,
    published: published ? detail(published) : null,
    versions: row.versions.map(summaryOf),
    completeness: working ? completenessMatrix(contentOf(working.content)) : [],
    usedBy: (await campaignsUsing(workspaceId, [row.id])).get(row.id) ?? [],
    ...archiveStateOf(row),
  };
}
