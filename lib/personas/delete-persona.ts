import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { conflict, notFound } from "@/lib/http/errors";
import { segmentsReferencing } from "@/lib/segments";
import { storyOf } from "./story";

/** Deletes a persona that no segment condition names and that has no sub-personas (they would lose their parent's story). */
export async function deletePersona(actor: Actor, personaId: string) {
  const workspaceId = actor.workspaceId;
  const where = { workspaceId_id: { workspaceId, id: personaId } };
  const row = await db.persona.findUnique({ where, include: { children: { select: { name: true } } } });
  if (!row) throw notFound("That persona");
  const users = await segmentsReferencing(workspaceId, { kind: "persona", personaId });
  if (users.length > 0) throw conflict(`"${row.name}" is used in the conditions of ${users.map((u) => `"${u.name}"`).join(", ")}: remove it from those first.`);
  if (row.children.length > 0) {
    throw conflict(`"${row.name}" has sub-personas (${row.children.map((c) => `"${c.name}"`).join(", ")}): delete or move those first.`);
  }
  await db.$transaction(async (tx) => {
    await tx.persona.delete({ where });
    await recordAudit(tx, actor, { action: "persona.deleted", entityType: "persona", entityId: personaId, before: storyOf(row) as unknown as InputJsonValue });
  });
  return { id: personaId };
}
