import type { Tx } from "@/lib/db/client";
import type { IngestedEvent } from "@/lib/delivery/triggers";
import { entryOf } from "../graph";
import { loadedVersion } from "./load-versions";
import { enterJourneySql, liveJourneysSql } from "./sql";

/**
 * Enters profiles into the live journeys an event starts, inside the ingest transaction (an entry
 * exists exactly when its event does). One statement per live journey the batch's events start —
 * never one per event: the profiles whose events pass the trigger's property filters, each entered
 * once, respecting re-entry. The entry is due now, so the worker runs its first steps within a poll.
 * Only event triggers enter from ingest (segment, persona and schedule triggers are not built yet).
 * Returns how many entries it made.
 */
export async function enterJourneys(
  tx: Tx,
  workspaceId: string,
  events: readonly IngestedEvent[],
  now = new Date(),
): Promise<number> {
  if (events.length === 0) return 0;
  // Not cached like campaign triggers: pausing must stop entries at once, and this is one indexed read.
  const live = await tx.$queryRaw<
    { journeyId: string; versionId: string; definition: unknown; sendCampaigns: unknown }[]
  >(liveJourneysSql(workspaceId));
  let entered = 0;
  for (const row of live) {
    const version = loadedVersion(workspaceId, {
      id: row.versionId,
      journeyId: row.journeyId,
      definition: row.definition,
      sendCampaigns: row.sendCampaigns,
    });
    const entry = entryOf(version.definition);
    if (entry?.kind !== "entry" || entry.trigger.type !== "event") continue;
    const { event, where } = entry.trigger;
    const starting = events.filter((e) => e.name === event);
    if (starting.length === 0) continue;
    const rows = await tx.$queryRaw<{ id: string }[]>(
      enterJourneySql({
        workspaceId,
        journeyId: row.journeyId,
        versionId: row.versionId,
        entryNodeId: entry.id,
        events: starting.map((e) => ({
          profileId: e.profileId,
          properties: JSON.stringify(e.properties),
          context: JSON.stringify({ name: e.name, occurredAt: e.occurredAt.toISOString(), properties: e.properties }),
        })),
        where,
        reentryDays: entry.reentry.type === "after" ? entry.reentry.days : null,
        now,
      }),
    );
    entered += rows.length;
  }
  return entered;
}
