import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/http/errors";
import { inUse } from "@/lib/segments/dependents";
import { findPersonaDependents } from "./find-persona-dependents";
import { storyOf } from "./story";

/** Deletes a persona nothing uses; otherwise a 409 listing what does (archiving is the way out). */
export async function deletePersona(actor: Actor, personaId: string) {
  const workspaceId = actor.workspaceId;
  const where = { workspaceId_id: { workspaceId, id: personaId } };
  const row = await db.persona.findUnique({ where });
  if (!row) throw notFound("That persona");
  const dependents = await findPersonaDependents(workspaceId, personaId);
  if (dependents.length > 0) throw inUse(row.name, dependents);
  await db.$transaction(async (tx) => {
    await tx.persona.delete({ where });
    await recordAudit(tx, actor, {
      action: "persona.deleted",
      entityType: "persona",
      entityId: personaId,
      before: storyOf(row),
    });
  });
  return { id: personaId };
}
