import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { archiveStateOf, type ArchiveState } from "./archive-state";
import { definitionSchema, type SegmentDefinition } from "./schema";

export type SegmentDetail = ArchiveState & {
  id: string;
  name: string;
  description: string;
  kind: "dynamic" | "static";
  definition: SegmentDefinition | null;
  size: number | null;
  sizedAt: string | null;
  ownerEmail: string;
  createdAt: string;
  updatedAt: string;
  snapshots: { at: string; size: number }[];
};

/** A segment, archived or not, with its size history (last 90 days). */
export async function getSegment(workspaceId: string, segmentId: string): Promise<SegmentDetail> {
  const segment = await db.segment.findUnique({
    where: { workspaceId_id: { workspaceId, id: segmentId } },
    include: { snapshots: { where: { at: { gte: new Date(Date.now() - 90 * 86_400_000) } }, orderBy: { at: "asc" } } },
  });
  if (!segment) throw notFound("That segment");
  return {
    id: segment.id,
    name: segment.name,
    description: segment.description,
    kind: segment.kind === "static" ? "static" : "dynamic",
    definition: segment.definition ? definitionSchema.parse(segment.definition) : null,
    size: segment.size,
    sizedAt: segment.sizedAt?.toISOString() ?? null,
    ownerEmail: segment.ownerEmail,
    createdAt: segment.createdAt.toISOString(),
    updatedAt: segment.updatedAt.toISOString(),
    snapshots: segment.snapshots.map((s) => ({ at: s.at.toISOString(), size: s.size })),
    ...archiveStateOf(segment),
  };
}
