import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { conflict, notFound } from "@/lib/http/errors";
import { definitionSchema, walk, type SegmentNode } from "./schema";

type Reference = { kind: "membership"; segmentId: string } | { kind: "persona"; personaId: string };
const names = (node: SegmentNode, ref: Reference) =>
  ref.kind === "membership" ? node.kind === "membership" && node.segmentId === ref.segmentId : node.kind === "persona" && node.personaId === ref.personaId;

/** Saved segments whose conditions name this segment or persona (directly). */
export async function segmentsReferencing(workspaceId: string, ref: Reference): Promise<{ id: string; name: string }[]> {
  const dynamic = await db.segment.findMany({ where: { workspaceId, kind: "dynamic", ...(ref.kind === "membership" ? { id: { not: ref.segmentId } } : {}) }, select: { id: true, name: true, definition: true } });
  return dynamic
    .filter((s) => [...walk(definitionSchema.parse(s.definition).root)].some(({ node }) => names(node, ref)))
    .map(({ id, name }) => ({ id, name }));
}

/** Deletes a segment unless another segment's conditions still name it or a persona is bound to it. */
export async function deleteSegment(actor: Actor, segmentId: string) {
  const workspaceId = actor.workspaceId;
  const segment = await db.segment.findUnique({ where: { workspaceId_id: { workspaceId, id: segmentId } } });
  if (!segment) throw notFound("That segment");
  const users = await segmentsReferencing(workspaceId, { kind: "membership", segmentId });
  if (users.length > 0) {
    throw conflict(`"${segment.name}" is used by ${users.map((u) => `"${u.name}"`).join(", ")}: remove it from those first.`);
  }
  const personas = await db.persona.findMany({ where: { workspaceId, segmentId }, select: { name: true } });
  if (personas.length > 0) {
    throw conflict(`"${segment.name}" is the audience of the persona${personas.length > 1 ? "s" : ""} ${personas.map((p) => `"${p.name}"`).join(", ")}: bind another segment there first.`);
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
