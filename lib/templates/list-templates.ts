import { db } from "@/lib/db/client";
import { campaignsUsing } from "./used-by";
import type { TemplateChannel } from "@/lib/templates/channels";
import { DEFAULT_LOCALE } from "./locale";

export type TemplateListItem = {
  id: string;
  name: string;
  channel: TemplateChannel;
  description: string;
  ownerEmail: string;
  updatedAt: string;
  /** Locales of the working copy (draft, else published), default first. */
  locales: string[];
  lastPublished: { id: string; version: number; publishedAt: string } | null;
  draft: { id: string; version: number; updatedAt: string } | null;
  /** Campaigns sending the template. */
  usedBy: { id: string; name: string }[];
  archivedAt: string | null;
};

/** The workspace's templates, most recently changed first; optionally one channel, a name search, archived ones too. */
export async function listTemplates(
  workspaceId: string,
  filter: { channel?: TemplateChannel; q?: string; archived?: "show" } = {},
): Promise<TemplateListItem[]> {
  const rows = await db.template.findMany({
    where: {
      workspaceId,
      ...(filter.archived ? {} : { archivedAt: null }),
      ...(filter.channel ? { channel: filter.channel } : {}),
      ...(filter.q ? { name: { contains: filter.q, mode: "insensitive" as const } } : {}),
    },
    orderBy: { updatedAt: "desc" },
    include: {
      versions: {
        where: { status: { in: ["draft", "published"] } },
        select: { id: true, version: true, status: true, content: true, updatedAt: true, publishedAt: true },
      },
    },
  });
  const usedBy = await campaignsUsing(
    workspaceId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => {
    const draft = row.versions.find((v) => v.status === "draft");
    const published = row.versions.find((v) => v.status === "published");
    const working = (draft ?? published)?.content as { locales?: Record<string, unknown> } | undefined;
    const locales = Object.keys(working?.locales ?? {}).sort((a, b) =>
      a === DEFAULT_LOCALE ? -1 : b === DEFAULT_LOCALE ? 1 : a.localeCompare(b),
    );
    return {
      id: row.id,
      name: row.name,
      channel: row.channel as TemplateChannel,
      description: row.description,
      ownerEmail: row.ownerEmail,
      updatedAt: row.updatedAt.toISOString(),
      locales,
      lastPublished: published
        ? { id: published.id, version: published.version, publishedAt: published.publishedAt!.toISOString() }
        : null,
      draft: draft ? { id: draft.id, version: draft.version, updatedAt: draft.updatedAt.toISOString() } : null,
      usedBy: usedBy.get(row.id) ?? [],
      archivedAt: row.archivedAt?.toISOString() ?? null,
    };
  });
}
