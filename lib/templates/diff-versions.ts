import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { diffContent, type LocaleDiff } from "./diff-content";
import { contentOf, findTemplate, summaryOf, type VersionSummary } from "./versions";

export type VersionDiff = { a: VersionSummary; b: VersionSummary; locales: LocaleDiff[] };

/** What changed from version `a` to version `b` of one template: per locale and field, with line diffs. */
export async function diffVersions(
  workspaceId: string,
  templateId: string,
  a: string,
  b: string,
): Promise<VersionDiff> {
  await findTemplate(db, workspaceId, templateId);
  const rows = await db.templateVersion.findMany({ where: { workspaceId, templateId, id: { in: [a, b] } } });
  const va = rows.find((r) => r.id === a);
  const vb = rows.find((r) => r.id === b);
  if (!va) throw new AppError(404, "not_found", "Version a is not a version of this template.", "a");
  if (!vb) throw new AppError(404, "not_found", "Version b is not a version of this template.", "b");
  return { a: summaryOf(va), b: summaryOf(vb), locales: diffContent(contentOf(va.content), contentOf(vb.content)) };
}
