import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { conflict, notFound } from "@/lib/http/errors";
import { definitionSchema, walk } from "./schema";

/** Saved segments whose conditions name this one (directly). */
export async function segmentsReferencing(workspaceId: string, segmentId: string): Promise<{ id: string; name: string }[]> {
  const dynamic = await db.segment.findMany({ where: { workspaceId, kind: "dynamic", id: { not: segmentId } }, select: { id: true, name: true, definition: true } });
  return dynamic
    .filter((s) => [...walk(definitionSchema.parse(s.definition).root)].some(({ node }) => node.kind === "membership" && node.segmentId === segmentId))
    .map(({ id, name }) => ({ id, name }));
}

/** Deletes a segment unless another segment's conditions still name it. */
export async function deleteSegment(actor: Actor, segmentId: string) {
  const workspaceId = actor.workspaceId;
  const segment = await db.segment.findUnique({ where: { workspaceId_id: { workspaceId, id: segmentId } } });
  if (!segment) throw notFound("That segment");
  const users = await segmentsReferencing(workspaceId, segmentId);
  if (users.length > 0) {
    throw conflict(`"${segment.name}" is used by ${users.map((u) => `"${u.name}"`).join(", ")}: remove it from those first.`);
  }
  await db.$transaction(async (tx) => {
    await tx.segment.delete({ where: { workspaceId_id: { workspaceId, id: segmentId } } });
    await recordAudit(tx, actor, {
      action: "segment.deleted",
      entityType: "segment",
      entityId: segmentId,
      before: { name: segment.name, kind: segment.kind, definition: (segment.definition ?? null) as InputJsonValue | null },
    });
  });
  return { id: segmentId };
}
