import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { countAudienceTotal } from "@/lib/segments/count-audience";
import { inSegmentDefinition } from "@/lib/segments/saved-audience";

/** The persona page's one live figure: how many profiles are in the bound segment now (null: none bound). */
export async function countPersonaAudience(
  workspaceId: string,
  personaId: string,
): Promise<{ size: number | null; at: string }> {
  const persona = await db.persona.findUnique({
    where: { workspaceId_id: { workspaceId, id: personaId } },
    select: { segmentId: true },
  });
  if (!persona) throw notFound("That persona");
  const at = new Date();
  return {
    size: persona.segmentId
      ? await countAudienceTotal(workspaceId, inSegmentDefinition(persona.segmentId), { now: at })
      : null,
    at: at.toISOString(),
  };
}
