import { db } from "@/lib/db/client";
import { campaignsTargeting, campaignsWhere } from "@/lib/segments/campaigns-where";
import { segmentsReferencing } from "@/lib/segments/segments-referencing";
import { uniqueDependents, type Dependent } from "@/lib/segments/dependents";

/** Sub-personas: their story hangs under this one. */
async function subPersonasOf(workspaceId: string, personaId: string): Promise<Dependent[]> {
  const rows = await db.persona.findMany({
    where: { workspaceId, parentId: personaId },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  return rows.map((p) => ({ kind: "persona", id: p.id, name: p.name }));
}

/**
 * Campaigns that counted recipients as this persona: their reports break down by it, so it must
 * keep its name there. The rollup reports read (MessageDaily) records that; messages still waiting
 * to go out carry the persona too and reach the rollup when sent.
 */
async function campaignsCountingPersona(workspaceId: string, personaId: string): Promise<Dependent[]> {
  const [reported, waiting] = await Promise.all([
    db.messageDaily.findMany({
      where: { workspaceId, personaId },
      distinct: ["campaignId"],
      select: { campaignId: true },
    }),
    db.message.findMany({
      where: { workspaceId, personaId, status: { in: ["queued", "sending"] } },
      distinct: ["campaignId"],
      select: { campaignId: true },
    }),
  ]);
  const ids = [...new Set([...reported, ...waiting].map((r) => r.campaignId))];
  return ids.length === 0 ? [] : campaignsWhere(workspaceId, { id: { in: ids } });
}

/**
 * Everything that uses a persona: segment conditions, sub-personas, campaigns and experiments sending to it or
 * reporting by it.
 */
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
