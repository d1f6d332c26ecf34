import { db } from "@/lib/db";
import { campaignsTargeting, campaignsWhere, segmentsReferencing, uniqueDependents, type Dependent } from "@/lib/segments";

/** Sub-personas: their story hangs under this one. */
async function subPersonasOf(workspaceId: string, personaId: string): Promise<Dependent[]> {
  const rows = await db.persona.findMany({ where: { workspaceId, parentId: personaId }, select: { id: true, name: true }, orderBy: { name: "asc" } });
  return rows.map((p) => ({ kind: "persona", id: p.id, name: p.name }));
}

/**
 * Campaigns that counted recipients as this persona: their reports break down by it, so it must
 * keep its name there. The rollup reports read (MessageDaily) is the record of that.
 */
async function campaignsCountingPersona(workspaceId: string, personaId: string): Promise<Dependent[]> {
  const rows = await db.messageDaily.findMany({ where: { workspaceId, personaId }, distinct: ["campaignId"], select: { campaignId: true } });
  return rows.length === 0 ? [] : campaignsWhere(workspaceId, { id: { in: rows.map((r) => r.campaignId) } });
}

/** Everything that uses a persona: segment conditions, sub-personas, campaigns and experiments sending to it or reporting by it. */
export async function findPersonaDependents(workspaceId: string, personaId: string): Promise<Dependent[]> {
  return uniqueDependents(
    await Promise.all([
      segmentsReferencing(workspaceId, { kind: "persona", personaId }),
      subPersonasOf(workspaceId, personaId),
      campaignsTargeting(workspaceId, { kind: "persona", id: personaId }),
      campaignsCountingPersona(workspaceId, personaId),
    ]),
  );
}
