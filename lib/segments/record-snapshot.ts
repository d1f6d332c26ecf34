import type { Tx } from "@/lib/db/client";

/** Stores a segment's size now and as its current size (lists read it without counting). */
export async function recordSnapshot(tx: Tx, workspaceId: string, segmentId: string, size: number, at = new Date()) {
  await tx.segmentSnapshot.upsert({
    where: { workspaceId_segmentId_at: { workspaceId, segmentId, at } },
    create: { workspaceId, segmentId, at, size },
    update: { size },
  });
  await tx.segment.update({ where: { workspaceId_id: { workspaceId, id: segmentId } }, data: { size, sizedAt: at } });
}
