import { db } from "@/lib/db/client";
import { dailyTrend } from "./daily-trend";

export type SegmentListItem = {
  id: string;
  name: string;
  description: string;
  kind: "dynamic" | "static";
  size: number | null;
  ownerEmail: string;
  updatedAt: string;
  archivedAt: string | null;
  // One size per day over the last 30 days (the day's last snapshot), oldest first.
  trend: { day: string; size: number }[];
};

/**
 * The workspace's segments, most recently changed first, each with its 30-day size trend. Archived
 * ones only when asked for: a picker needs them to name what an existing condition points at.
 */
export async function listSegments(
  workspaceId: string,
  { archived = false }: { archived?: boolean } = {},
): Promise<SegmentListItem[]> {
  const segments = await db.segment.findMany({
    where: { workspaceId, ...(archived ? {} : { archivedAt: null }) },
    orderBy: { updatedAt: "desc" },
  });
  const snapshots = await db.segmentSnapshot.findMany({
    where: { workspaceId, at: { gte: new Date(Date.now() - 30 * 86_400_000) } },
    orderBy: { at: "asc" },
  });
  const bySegment = new Map<string, typeof snapshots>();
  for (const s of snapshots) bySegment.set(s.segmentId, [...(bySegment.get(s.segmentId) ?? []), s]);
  return segments.map((s) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    kind: s.kind === "static" ? "static" : "dynamic",
    size: s.size,
    ownerEmail: s.ownerEmail,
    updatedAt: s.updatedAt.toISOString(),
    archivedAt: s.archivedAt?.toISOString() ?? null,
    trend: dailyTrend(bySegment.get(s.id) ?? []),
  }));
}
