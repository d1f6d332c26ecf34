import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/http/errors";
import type { RecordValidationInput } from "./schema";

/**
 * Records a validation in the persona's history; the persona's own validation fields follow the
 * most recent validation by date (recording an older study adds history without un-staling).
 */
export async function recordValidation(actor: Actor, personaId: string, input: RecordValidationInput) {
  const workspaceId = actor.workspaceId;
  const where = { workspaceId_id: { workspaceId, id: personaId } };
  const persona = await db.persona.findUnique({ where, select: { validatedAt: true } });
  if (!persona) throw notFound("That persona");
  const latest = !persona.validatedAt || input.validatedAt.getTime() >= persona.validatedAt.getTime();
  return db.$transaction(async (tx) => {
    const entry = await tx.personaValidation.create({
      data: {
        workspaceId,
        personaId,
        method: input.method,
        validatedAt: input.validatedAt,
        sampleSize: input.sampleSize,
        notes: input.notes,
        recordedById: actor.userId,
        recordedBy: actor.email,
      },
    });
    if (latest) {
      await tx.persona.update({
        where,
        data: {
          validatedAt: input.validatedAt,
          validationMethod: input.method,
          validationSampleSize: input.sampleSize,
          validationNotes: input.notes,
        },
      });
    }
    await recordAudit(tx, actor, {
      action: "persona.validated",
      entityType: "persona",
      entityId: personaId,
      before: { validatedAt: persona.validatedAt?.toISOString() ?? null },
      after: {
        method: input.method,
        validatedAt: input.validatedAt.toISOString(),
        sampleSize: input.sampleSize,
        notes: input.notes,
      },
    });
    return { id: entry.id, latest };
  });
}
