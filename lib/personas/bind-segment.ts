import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/http/errors";
import { createSegment } from "@/lib/segments/create-segment";
import { inSegmentDefinition } from "@/lib/segments/saved-audience";
import { loadReferences } from "@/lib/segments/load-references";
import { type SegmentDefinition } from "@/lib/segments/schema";
import type { UpdatePersonaInput } from "./schema";

/**
 * The segment id a persona edit binds: an existing segment (checked to exist), or one defined
 * inline in the persona editor, saved first as a segment of its own on the product manager's
 * behalf (personas:edit covers it; the segment's audit entry names them).
 */
export async function resolveSegmentBinding(
  actor: Actor,
  input: Pick<UpdatePersonaInput, "segmentId" | "newSegment">,
  personaId?: string,
): Promise<string | null | undefined> {
  if (input.newSegment) {
    if (input.segmentId)
      throw new AppError(400, "ambiguous_segment", "Either pick a segment or define a new one, not both.", "segmentId");
    await refuseCycle(actor.workspaceId, input.newSegment.definition, personaId, "newSegment.definition");
    return (
      await createSegment(actor, {
        name: input.newSegment.name,
        description: "Defined in the persona editor.",
        definition: input.newSegment.definition,
      })
    ).id;
  }
  if (input.segmentId) {
    const found = await db.segment.findUnique({
      where: { workspaceId_id: { workspaceId: actor.workspaceId, id: input.segmentId } },
      select: { id: true },
    });
    if (!found) throw new AppError(400, "unknown_segment", "That segment does not exist (any more).", "segmentId");
    await refuseCycle(actor.workspaceId, inSegmentDefinition(input.segmentId), personaId, "segmentId");
  }
  return input.segmentId;
}

/** A persona's audience cannot be defined through "in this persona", however indirectly. */
async function refuseCycle(
  workspaceId: string,
  definition: SegmentDefinition,
  personaId: string | undefined,
  field: string,
) {
  if (!personaId) return;
  const { personas } = await loadReferences(workspaceId, definition);
  if (personas.has(personaId))
    throw new AppError(
      400,
      "persona_cycle",
      "This audience is defined through this persona itself; pick a segment that does not name it.",
      field,
    );
}
