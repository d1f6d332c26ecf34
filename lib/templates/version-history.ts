import { db } from "@/lib/db/client";
import type { Finding, Severity } from "./finding";
import { findTemplate, summaryOf, type VersionSummary } from "./versions";

/** What the lint said when a version was published; null for the draft, which is linted only when published. */
export type LintSummary = Record<Severity, number> | null;
export type HistoryVersion = VersionSummary & { lint: LintSummary };

function lintSummary(status: string, findings: unknown): LintSummary {
  if (status === "draft") return null;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of (findings as Finding[] | null) ?? []) counts[f.severity]++;
  return counts;
}

/**
 * A template's versions, newest first, each with the counts of the findings stored at publish. The
 * default comparison is the two newest: the draft against the published version when there is a
 * draft, else the published version against the one it superseded.
 */
export async function versionHistory(workspaceId: string, templateId: string) {
  const template = await findTemplate(db, workspaceId, templateId);
  const rows = await db.templateVersion.findMany({ where: { workspaceId, templateId }, orderBy: { version: "desc" } });
  const versions: HistoryVersion[] = rows.map((v) => ({ ...summaryOf(v), lint: lintSummary(v.status, v.findings) }));
  const compare = versions.length >= 2 ? { a: versions[1]!.id, b: versions[0]!.id } : null;
  return { template: { id: template.id, name: template.name, channel: template.channel }, versions, compare };
}
