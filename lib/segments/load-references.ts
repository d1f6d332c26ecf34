import { db } from "@/lib/db";
import type { ReferencedSegment } from "./compile-context";
import { definitionSchema, walk, type SegmentDefinition } from "./schema";

function membershipIds(definition: SegmentDefinition): string[] {
  return [...walk(definition.root)].flatMap(({ node }) => (node.kind === "membership" ? [node.segmentId] : []));
}

/** Every segment a definition names, directly or through the segments it names. */
export async function loadReferencedSegments(workspaceId: string, definition: SegmentDefinition): Promise<Map<string, ReferencedSegment>> {
  const found = new Map<string, ReferencedSegment>();
  let pending = membershipIds(definition);
  while (pending.length > 0) {
    const rows = await db.segment.findMany({ where: { workspaceId, id: { in: pending } }, select: { id: true, name: true, kind: true, definition: true } });
    pending = [];
    for (const row of rows) {
      if (row.kind === "static") {
        found.set(row.id, { id: row.id, name: row.name, kind: "static" });
        continue;
      }
      const nested = definitionSchema.parse(row.definition);
      found.set(row.id, { id: row.id, name: row.name, kind: "dynamic", definition: nested });
      pending.push(...membershipIds(nested).filter((id) => !found.has(id)));
    }
    pending = [...new Set(pending)];
  }
  return found;
}
