import { db } from "@/lib/db/client";
import type { Dependent } from "./dependents";
import { definitionSchema, walk, type SegmentNode } from "./schema";

type Reference = { kind: "membership"; segmentId: string } | { kind: "persona"; personaId: string };
const names = (node: SegmentNode, ref: Reference) =>
  ref.kind === "membership"
    ? node.kind === "membership" && node.segmentId === ref.segmentId
    : node.kind === "persona" && node.personaId === ref.personaId;

/** Saved segments (archived ones too) with a condition naming this segment or persona, in any nested group. */
export async function segmentsReferencing(workspaceId: string, ref: Reference): Promise<Dependent[]> {
  const dynamic = await db.segment.findMany({
    where: { workspaceId, kind: "dynamic", ...(ref.kind === "membership" ? { id: { not: ref.segmentId } } : {}) },
    select: { id: true, name: true, definition: true },
    orderBy: { name: "asc" },
  });
  return dynamic
    .filter((s) => [...walk(definitionSchema.parse(s.definition).root)].some(({ node }) => names(node, ref)))
    .map(({ id, name }) => ({ kind: "segment", id, name }));
}
