import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { archiveColumns, archiveStateOf } from "@/lib/segments/archive-state";

/**
 * Archives a template (or brings it back). Archived, it leaves the campaign and experiment pickers
 * and the list but stays whole: its versions, the campaigns sending them and their reports keep
 * working. Asking for the state it is already in writes nothing.
 */
export async function archiveTemplate(actor: Actor, templateId: string, archived: boolean) {
  const where = { workspaceId_id: { workspaceId: actor.workspaceId, id: templateId } };
  const state = { archivedAt: true, archivedBy: true } as const;
  return db.$transaction(async (tx) => {
    const row = await tx.template.findUnique({ where, select: state });
    if (!row) throw notFound("That template");
    if ((row.archivedAt !== null) === archived) return { id: templateId, ...archiveStateOf(row) };
    const updated = await tx.template.update({ where, data: archiveColumns(actor, archived), select: state });
    await recordAudit(tx, actor, {
      action: archived ? "template.archived" : "template.unarchived",
      entityType: "template",
      entityId: templateId,
      before: archiveStateOf(row),
      after: archiveStateOf(updated),
    });
    return { id: templateId, ...archiveStateOf(updated) };
  });
}
