import { db } from "@/lib/db/client";
import { countAudienceTotal } from "./count-audience";
import { recordSnapshot } from "./record-snapshot";
import { definitionSchema } from "./schema";

/**
 * The daily size snapshot: every dynamic segment with no snapshot yet today (UTC) is counted and
 * recorded, one at a time so the embedded database stays responsive; several workers may run it. Static segments only
 * change
 * on upload. Returns how many were taken; a segment that fails to count is logged and skipped.
 */
export async function snapshotDueSegments(now = new Date()): Promise<number> {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const due = await db.segment.findMany({
    where: { kind: "dynamic", OR: [{ sizedAt: null }, { sizedAt: { lt: today } }] },
    select: { id: true, workspaceId: true, definition: true },
  });
  let taken = 0;
  for (const segment of due) {
    // Claim the segment for today first: with several workers, only one records its size.
    const claimed = await db.segment.updateMany({
      where: { workspaceId: segment.workspaceId, id: segment.id, OR: [{ sizedAt: null }, { sizedAt: { lt: today } }] },
      data: { sizedAt: now },
    });
    if (claimed.count === 0) continue;
    try {
      const size = await countAudienceTotal(segment.workspaceId, definitionSchema.parse(segment.definition), {
        now,
        selfId: segment.id,
      });
      await db.$transaction((tx) => recordSnapshot(tx, segment.workspaceId, segment.id, size, now));
      taken++;
    } catch (error) {
      console.error(`segment ${segment.id}: daily snapshot failed`, error);
    }
  }
  return taken;
}
