import type { Db, Tx } from "@/lib/db/client";

/**
 * The workspace's templates a send step may use: published and not archived, each with its
 * published version (pinned by publishJourney) and channel.
 */
export async function publishedTemplates(
  tx: Db | Tx,
  workspaceId: string,
): Promise<Map<string, { versionId: string; channel: string }>> {
  const versions = await tx.templateVersion.findMany({
    where: { workspaceId, status: "published", template: { archivedAt: null } },
    select: { id: true, templateId: true, template: { select: { channel: true } } },
  });
  return new Map(versions.map((v) => [v.templateId, { versionId: v.id, channel: v.template.channel }]));
}
