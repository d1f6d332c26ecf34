import { db } from "@/lib/db/client";
import type { ReferencedPersona, ReferencedSegment } from "./compile-context";
import { definitionSchema, walk, type SegmentDefinition } from "./schema";

export type References = { segments: Map<string, ReferencedSegment>; personas: Map<string, ReferencedPersona> };

function referencedIds(definition: SegmentDefinition) {
  const nodes = [...walk(definition.root)].map(({ node }) => node);
  return {
    segments: nodes.flatMap((node) => (node.kind === "membership" ? [node.segmentId] : [])),
    personas: nodes.flatMap((node) => (node.kind === "persona" ? [node.personaId] : [])),
  };
}

/** Every segment and persona a definition names, directly or through the segments it names. */
export async function loadReferences(workspaceId: string, definition: SegmentDefinition): Promise<References> {
  const segments = new Map<string, ReferencedSegment>();
  const personas = new Map<string, ReferencedPersona>();
  let pending = referencedIds(definition);
  while (pending.segments.length > 0 || pending.personas.length > 0) {
    const personaRows =
      pending.personas.length > 0
        ? await db.persona.findMany({
            where: { workspaceId, id: { in: pending.personas } },
            select: { id: true, name: true, segmentId: true },
          })
        : [];
    for (const row of personaRows) personas.set(row.id, row);
    const segmentIds = [...pending.segments, ...personaRows.flatMap((p) => (p.segmentId ? [p.segmentId] : []))].filter(
      (id) => !segments.has(id),
    );
    const rows =
      segmentIds.length > 0
        ? await db.segment.findMany({
            where: { workspaceId, id: { in: [...new Set(segmentIds)] } },
            select: { id: true, name: true, kind: true, definition: true },
          })
        : [];
    const next = { segments: [] as string[], personas: [] as string[] };
    for (const row of rows) {
      if (row.kind === "static") {
        segments.set(row.id, { id: row.id, name: row.name, kind: "static" });
        continue;
      }
      const nested = definitionSchema.parse(row.definition);
      segments.set(row.id, { id: row.id, name: row.name, kind: "dynamic", definition: nested });
      const ids = referencedIds(nested);
      next.segments.push(...ids.segments.filter((id) => !segments.has(id)));
      next.personas.push(...ids.personas.filter((id) => !personas.has(id)));
    }
    pending = { segments: [...new Set(next.segments)], personas: [...new Set(next.personas)] };
  }
  return { segments, personas };
}
