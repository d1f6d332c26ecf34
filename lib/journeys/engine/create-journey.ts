import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";

/** A new draft journey with a name; its graph arrives with the first publish. */
export async function createJourney(actor: Actor, input: { name: string }) {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200)
    throw new AppError(400, "invalid", "Give the journey a name of at most 200 characters.", "name");
  return db.$transaction(async (tx) => {
    const journey = await tx.journey.create({
      data: { workspaceId: actor.workspaceId, name, createdById: actor.userId, createdBy: actor.email },
      select: { id: true, name: true, status: true },
    });
    await recordAudit(tx, actor, {
      action: "journey.created",
      entityType: "journey",
      entityId: journey.id,
      after: { name },
    });
    return journey;
  });
}
