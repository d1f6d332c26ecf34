import type { Tx } from "@/lib/db/client";
import type { IngestedEvent } from "@/lib/delivery/triggers";
import type { JourneyEvent } from "../schema";
import { loadVersions } from "./load-versions";
import { eventMatcher } from "./match-events";
import { exitOrConvertSql, openEntriesSql, releaseWaitsSql, type OpenEntry } from "./sql";

const DAY_MS = 86_400_000;

/**
 * What freshly ingested events do to profiles already in journeys, inside the ingest transaction:
 * - the journey's goal event (within the goal's window after entry) exits the entry with reason
 *   "goal" and counts the conversion; an entry that already exited (completed, held out, …) keeps
 *   its reason and gets the conversion counted, so the holdout compares with the rest;
 * - an exit-criteria event exits it with reason "exit_criteria";
 * - the event a wait-until-event step waits for releases it: due now, the worker takes the wait's
 *   "event" exit within a poll.
 * Paused journeys' entries are moved too (held in place all the same: the worker skips them until
 * the journey resumes). The window is read against the fold's clock: ingest lets through only
 * events at most an hour late (docs/journeys.md). Two statements at most, whatever the batch.
 */
export async function releaseWaits(
  tx: Tx,
  workspaceId: string,
  events: readonly IngestedEvent[],
  now = new Date(),
): Promise<{ released: number; exited: number }> {
  if (events.length === 0) return { released: 0, exited: 0 };
  const open = await tx.$queryRaw<OpenEntry[]>(
    openEntriesSql(
      workspaceId,
      events.map((e) => e.profileId),
      now,
    ),
  );
  if (open.length === 0) return { released: 0, exited: 0 };
  const versions = await loadVersions(
    tx,
    workspaceId,
    open.map((o) => o.versionId),
  );
  const matches = eventMatcher(tx, events, now);
  const byProfile = new Map<string, number[]>();
  events.forEach((e, i) => byProfile.set(e.profileId, [...(byProfile.get(e.profileId) ?? []), i]));
  // The first of the entry's profile's events that is `wanted`, or undefined.
  const firstOf = async (entry: OpenEntry, wanted: JourneyEvent) => {
    const passing = await matches(wanted.where);
    const i = (byProfile.get(entry.profileId) ?? []).find((j) => events[j]!.name === wanted.event && passing.has(j));
    return i === undefined ? undefined : events[i];
  };

  const exits: { id: string; reason: "goal" | "exit_criteria"; convertedAt: Date | null }[] = [];
  const released: { id: string; at: Date }[] = [];
  for (const entry of open) {
    const version = versions.get(entry.versionId);
    if (!version) continue;
    const { goal, exitCriteria } = version.definition;
    if (goal && now.getTime() - entry.enteredAt.getTime() <= goal.windowDays * DAY_MS && (await firstOf(entry, goal))) {
      exits.push({ id: entry.id, reason: "goal", convertedAt: now });
      continue;
    }
    if (entry.state === "exited") continue;
    let exited = false;
    for (const criterion of exitCriteria)
      if (criterion.type === "event" && (await firstOf(entry, criterion))) exited = true;
    if (exited) {
      exits.push({ id: entry.id, reason: "exit_criteria", convertedAt: null });
      continue;
    }
    const node = version.byId.get(entry.nodeId);
    if (entry.state === "waiting" && node?.kind === "wait" && node.wait.type === "event" && entry.eventAt === null) {
      const event = await firstOf(entry, node.wait);
      if (event) released.push({ id: entry.id, at: event.occurredAt });
    }
  }
  const exitedCount = exits.length > 0 ? await tx.$executeRaw(exitOrConvertSql(workspaceId, exits, now)) : 0;
  const releasedCount = released.length > 0 ? await tx.$executeRaw(releaseWaitsSql(workspaceId, released, now)) : 0;
  return { released: releasedCount, exited: exitedCount };
}
