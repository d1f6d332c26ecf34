import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { conflict } from "@/lib/http/errors";
import { journeyNotFound } from "../journey-not-found";

/**
 * Pauses, resumes or archives a published journey. Paused and archived journeys take no entries
 * and the worker claims none of their entries, so everyone stays where they are; their send
 * campaigns are paused too, so messages already queued wait as well. Resuming lets the worker
 * take every entry whose time has come (timers that fell due while paused fire then). Archiving
 * is final here: its entries stay as they are, recorded.
 */
export async function setJourneyStatus(actor: Actor, journeyId: string, status: "live" | "paused" | "archived") {
  const { workspaceId } = actor;
  return db.$transaction(async (tx) => {
    const journey = await tx.journey.findUnique({ where: { workspaceId_id: { workspaceId, id: journeyId } } });
    if (!journey) throw journeyNotFound();
    if (journey.status === "archived") throw conflict("This journey is archived.", "status");
    if (!journey.currentVersionId) throw conflict("Publish the journey first.", "status");
    if (journey.status === status) return { id: journeyId, status };
    await tx.journey.update({ where: { workspaceId_id: { workspaceId, id: journeyId } }, data: { status } });
    await tx.campaign.updateMany({
      where: { workspaceId, journeyId },
      data: { status: status === "live" ? "sending" : "paused" },
    });
    await recordAudit(tx, actor, {
      action: `journey.${status === "live" ? "resumed" : status}`,
      entityType: "journey",
      entityId: journeyId,
      before: { status: journey.status },
      after: { status },
    });
    return { id: journeyId, status };
  });
}
