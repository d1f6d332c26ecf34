import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { conflict, notFound } from "@/lib/http/errors";
import { contentOf, currentVersions, findTemplate, writeDraft } from "./versions";
import { asJsonInput } from "@/lib/db/json-object";

/** Copies an earlier version's content into the draft (starting one if needed); publishing it is a separate step. */
export async function restoreVersion(actor: Actor, templateId: string, versionId: string) {
  const workspaceId = actor.workspaceId;
  return db.$transaction(async (tx) => {
    await findTemplate(tx, workspaceId, templateId);
    const source = await tx.templateVersion.findFirst({ where: { workspaceId, templateId, id: versionId } });
    if (!source) throw notFound("That version");
    if (source.status === "draft") throw conflict("That version is the draft already.");
    const { draft } = await currentVersions(tx, workspaceId, templateId);
    const saved = await writeDraft(tx, actor, templateId, contentOf(source.content), draft);
    await tx.template.update({
      where: { workspaceId_id: { workspaceId, id: templateId } },
      data: { updatedAt: new Date() },
    });
    await recordAudit(tx, actor, {
      action: "template.version_restored",
      entityType: "template",
      entityId: templateId,
      before: asJsonInput({ draftVersion: draft?.version ?? null, content: draft?.content ?? null }),
      after: asJsonInput({ draftVersion: saved.version, restoredFrom: source.version, content: source.content }),
    });
    return {
      id: templateId,
      draft: { id: saved.id, version: saved.version, updatedAt: saved.updatedAt.toISOString() },
      restoredFrom: { id: source.id, version: source.version },
    };
  });
}
