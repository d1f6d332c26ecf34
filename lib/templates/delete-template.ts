import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { findTemplate, json } from "./versions";

/**
 * Deletes a template and its versions. Campaigns will refuse this while they use it (they do not
 * exist yet); test messages in the outbox stay, as a log of what was sent.
 */
export async function deleteTemplate(actor: Actor, templateId: string) {
  const workspaceId = actor.workspaceId;
  return db.$transaction(async (tx) => {
    const template = await findTemplate(tx, workspaceId, templateId);
    const versions = await tx.templateVersion.count({ where: { workspaceId, templateId } });
    await tx.template.delete({ where: { workspaceId_id: { workspaceId, id: templateId } } });
    await recordAudit(tx, actor, { action: "template.deleted", entityType: "template", entityId: templateId, before: json({ name: template.name, channel: template.channel, versions }) });
    return { id: templateId };
  });
}
