import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { notFound } from "@/lib/http/errors";
import { inUse } from "./dependents";
import { findSegmentDependents } from "./find-segment-dependents";

/** Deletes a segment nothing uses; otherwise a 409 listing what does (archiving is the way out). */
export async function deleteSegment(actor: Actor, segmentId: string) {
  const workspaceId = actor.workspaceId;
  const segment = await db.segment.findUnique({ where: { workspaceId_id: { workspaceId, id: segmentId } } });
  if (!segment) throw notFound("That segment");
  const dependents = await findSegmentDependents(workspaceId, segmentId);
  if (dependents.length > 0) throw inUse(segment.name, dependents);
  await db.$transaction(async (tx) => {
    await tx.segment.delete({ where: { workspaceId_id: { workspaceId, id: segmentId } } });
    await recordAudit(tx, actor, {
      action: "segment.deleted",
      entityType: "segment",
      entityId: segmentId,
      before: {
        name: segment.name,
        kind: segment.kind,
        definition: (segment.definition ?? null) as InputJsonValue | null,
      },
    });
  });
  return { id: segmentId };
}
