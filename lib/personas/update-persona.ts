import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { Prisma } from "@/lib/generated/prisma/client";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { notFound } from "@/lib/http/errors";
import { resolveSegmentBinding } from "./bind-segment";
import type { UpdatePersonaInput } from "./schema";
import { changedFields, storyOf } from "./story";

/**
 * Applies an editor patch (the autosave sends only the sections that changed). Only fields that
 * really differ are written and audited, so an idle autosave leaves no trace.
 */
export async function updatePersona(actor: Actor, personaId: string, input: UpdatePersonaInput) {
  const workspaceId = actor.workspaceId;
  const where = { workspaceId_id: { workspaceId, id: personaId } };
  const current = await db.persona.findUnique({ where });
  if (!current) throw notFound("That persona");
  const { newSegment: _inline, ...fields } = input;
  const segmentId = await resolveSegmentBinding(actor, input, personaId);
  const next = { ...fields, ...(segmentId !== undefined ? { segmentId } : {}) };
  const { before, after, changed } = changedFields(storyOf(current), next);
  if (!changed)
    return { id: personaId, updatedAt: current.updatedAt.toISOString(), segmentId: current.segmentId, changed: false };
  return db.$transaction(async (tx) => {
    const data = Object.fromEntries(Object.entries(after).map(([key, value]) => [key, value as InputJsonValue]));
    // A new audience or new claims make the stored check meaningless until the next one runs.
    const stale = "segmentId" in after || "assumptions" in after;
    const row = await tx.persona.update({ where, data: { ...data, ...(stale ? { lastCheck: Prisma.DbNull } : {}) } });
    await recordAudit(tx, actor, {
      action: "persona.updated",
      entityType: "persona",
      entityId: personaId,
      before: before as InputJsonValue,
      after: after as InputJsonValue,
    });
    return { id: personaId, updatedAt: row.updatedAt.toISOString(), segmentId: row.segmentId, changed: true };
  });
}
