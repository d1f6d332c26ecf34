import type { Tx } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-object";
import { nodesById, topologicalOrder } from "../graph";
import { journeyDefinitionSchema, type JourneyDefinition, type JourneyNode } from "../schema";

/** A send step's campaign (made at publish, lib/journeys/engine/send-campaigns.ts). */
export type SendCampaignRef = { campaignId: string; channel: string };

/** A published version as the engine reads it. */
export type LoadedVersion = {
  id: string;
  journeyId: string;
  definition: JourneyDefinition;
  byId: Map<string, JourneyNode>;
  /** Each step's place in a topological order: a group run takes its steps in this order (run-group.ts). */
  order: Map<string, number>;
  /** Send step id → the campaign it sends through. */
  sendCampaigns: Partial<Record<string, SendCampaignRef>>;
};

// A published version never changes, so a parsed copy is good for the process's life (bounded).
const cache = new Map<string, LoadedVersion>();
const MAX_CACHED = 1000;

export function loadedVersion(
  workspaceId: string,
  row: { id: string; journeyId: string; definition: unknown; sendCampaigns: unknown },
): LoadedVersion {
  const key = `${workspaceId}:${row.id}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const definition = journeyDefinitionSchema.parse(row.definition);
  // Published versions passed validateJourney, which refuses cycles.
  const order = topologicalOrder(definition);
  if (!order) throw new Error(`Journey version ${row.id} has a cycle`);
  const version: LoadedVersion = {
    id: row.id,
    journeyId: row.journeyId,
    definition,
    byId: nodesById(definition),
    order: new Map(order.map((node, i) => [node.id, i])),
    // Written by publishJourney from createSendCampaigns' result, never edited.
    sendCampaigns: asRecord(row.sendCampaigns) as Partial<Record<string, SendCampaignRef>>,
  };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(key, version);
  return version;
}

/** The versions with these ids (one query for the ones not cached yet). */
export async function loadVersions(
  tx: Tx,
  workspaceId: string,
  ids: Iterable<string>,
): Promise<Map<string, LoadedVersion>> {
  const wanted = [...new Set(ids)];
  const result = new Map<string, LoadedVersion>();
  const missing = wanted.filter((id) => {
    const hit = cache.get(`${workspaceId}:${id}`);
    if (hit) result.set(id, hit);
    return !hit;
  });
  if (missing.length > 0) {
    const rows = await tx.journeyVersion.findMany({
      where: { workspaceId, id: { in: missing } },
      select: { id: true, journeyId: true, definition: true, sendCampaigns: true },
    });
    for (const row of rows) result.set(row.id, loadedVersion(workspaceId, row));
  }
  return result;
}
