import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { archiveColumns, archiveStateOf } from "./archive-state";

/**
 * Archives a segment (or brings it back). Archived, it leaves the pickers and the list but stays
 * whole: campaigns, personas and segments using it keep working and reports keep its name. Asking
 * for the state it is already in writes nothing.
 */
export async function archiveSegment(actor: Actor, segmentId: string, archived: boolean) {
  const where = { workspaceId_id: { workspaceId: actor.workspaceId, id: segmentId } };
  const state = { archivedAt: true, archivedBy: true } as const;
  return db.$transaction(async (tx) => {
    const row = await tx.segment.findUnique({ where, select: state });
    if (!row) throw notFound("That segment");
    if ((row.archivedAt !== null) === archived) return { id: segmentId, ...archiveStateOf(row) };
    const updated = await tx.segment.update({ where, data: archiveColumns(actor, archived), select: state });
    await recordAudit(tx, actor, {
      action: archived ? "segment.archived" : "segment.unarchived",
      entityType: "segment",
      entityId: segmentId,
      before: archiveStateOf(row),
      after: archiveStateOf(updated),
    });
    return { id: segmentId, ...archiveStateOf(updated) };
  });
}
