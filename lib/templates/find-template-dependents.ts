import { db } from "@/lib/db/client";
import { campaignsWhere, experimentsWhere } from "@/lib/segments/campaigns-where";
import { uniqueDependents, type Dependent } from "@/lib/segments/dependents";

/**
 * Everything that uses a template: campaigns sending it (drafts and finished sends included, an
 * experiment's campaign as its experiment) and experiments with a variant on one of its versions.
 */
export async function findTemplateDependents(workspaceId: string, templateId: string): Promise<Dependent[]> {
  const versionIds = (
    await db.templateVersion.findMany({ where: { workspaceId, templateId }, select: { id: true } })
  ).map((v) => v.id);
  return uniqueDependents(
    await Promise.all([
      campaignsWhere(workspaceId, { OR: [{ templateId }, { versionId: { in: versionIds } }] }),
      experimentsWhere(workspaceId, { variants: { some: { versionId: { in: versionIds } } } }),
    ]),
  );
}
