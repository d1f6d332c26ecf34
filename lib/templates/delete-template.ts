import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { inUse } from "@/lib/segments/dependents";
import { findTemplateDependents } from "./find-template-dependents";
import { findTemplate } from "./versions";
import { asJsonInput } from "@/lib/db/json-object";

/**
 * Deletes a template and its versions when no campaign or experiment uses it; otherwise a 409
 * listing them (archiving is the way out). Test messages in the outbox stay, as a log of what was sent.
 */
export async function deleteTemplate(actor: Actor, templateId: string) {
  const workspaceId = actor.workspaceId;
  const template = await findTemplate(db, workspaceId, templateId);
  const dependents = await findTemplateDependents(workspaceId, templateId);
  if (dependents.length > 0) throw inUse(template.name, dependents);
  return db.$transaction(async (tx) => {
    const versions = await tx.templateVersion.count({ where: { workspaceId, templateId } });
    await tx.template.delete({ where: { workspaceId_id: { workspaceId, id: templateId } } });
    await recordAudit(tx, actor, {
      action: "template.deleted",
      entityType: "template",
      entityId: templateId,
      before: asJsonInput({ name: template.name, channel: template.channel, versions }),
    });
    return { id: templateId };
  });
}
