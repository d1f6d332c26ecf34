import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { archiveColumns, archiveStateOf } from "@/lib/segments/archive-state";

/**
 * Archives a persona (or brings it back). Archived, it leaves the pickers and the gallery but stays
 * whole: its segment binding, sub-personas and history stay, campaigns sending to it keep working
 * and reports keep its name. Asking for the state it is already in writes nothing.
 */
export async function archivePersona(actor: Actor, personaId: string, archived: boolean) {
  const where = { workspaceId_id: { workspaceId: actor.workspaceId, id: personaId } };
  const state = { archivedAt: true, archivedBy: true } as const;
  return db.$transaction(async (tx) => {
    const row = await tx.persona.findUnique({ where, select: state });
    if (!row) throw notFound("That persona");
    if ((row.archivedAt !== null) === archived) return { id: personaId, ...archiveStateOf(row) };
    const updated = await tx.persona.update({ where, data: archiveColumns(actor, archived), select: state });
    await recordAudit(tx, actor, {
      action: archived ? "persona.archived" : "persona.unarchived",
      entityType: "persona",
      entityId: personaId,
      before: archiveStateOf(row),
      after: archiveStateOf(updated),
    });
    return { id: personaId, ...archiveStateOf(updated) };
  });
}
