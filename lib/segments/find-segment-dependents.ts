import { db } from "@/lib/db/client";
import { campaignsTargeting } from "./campaigns-where";
import { uniqueDependents, type Dependent } from "./dependents";
import { segmentsReferencing } from "./segments-referencing";

/** Personas bound to the segment: it is their audience. */
async function personasBoundTo(workspaceId: string, segmentId: string): Promise<Dependent[]> {
  const rows = await db.persona.findMany({
    where: { workspaceId, segmentId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return rows.map((p) => ({ kind: "persona", id: p.id, name: p.name }));
}

/**
 * Everything that uses a segment: segments naming it, personas bound to it, campaigns and experiments sending to it.
 */
export async function findSegmentDependents(workspaceId: string, segmentId: string): Promise<Dependent[]> {
  return uniqueDependents(
    await Promise.all([
      segmentsReferencing(workspaceId, { kind: "membership", segmentId }),
      personasBoundTo(workspaceId, segmentId),
      campaignsTargeting(workspaceId, { kind: "segment", id: segmentId }),
    ]),
  );
}
