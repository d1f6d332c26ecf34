import type { Tx } from "@/lib/db/client";
import { isActivity } from "../activity";
import { advanceCounts, miscountedProfiles, type CounterRow, type LockedProfile } from "./running-counts";
import { insertEventsSql, profileCountersSql, recomputeTraitsSql, type EventRow } from "./sql";

/**
 * Stores events with their rollups and computed traits (insertEventsSql), the running counts
 * advanced from `locked`: the caller's lockProfilesSql rows for every profile with activity among
 * `rows`, read before anything else of theirs. Their counters are read here, in one statement after
 * the lock. A profile some of whose events a concurrent request stored first (so they were counted
 * twice) is recounted from its events. `timezones` overrides a profile's zone set earlier in the
 * same transaction. Returns the messageIds inserted.
 */
export async function insertEvents(
  tx: Tx,
  workspaceId: string,
  rows: readonly EventRow[],
  locked: readonly LockedProfile[],
  timezones?: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const active = [...new Set(rows.filter((row) => isActivity(row.name)).map((row) => row.profileId))];
  const counters = active.length > 0 ? await tx.$queryRaw<CounterRow[]>(profileCountersSql(workspaceId, active)) : [];
  const inserted = await tx.$queryRaw<{ messageId: string }[]>(
    insertEventsSql(workspaceId, rows, advanceCounts(locked, counters, rows, timezones)),
  );
  const insertedIds = new Set(inserted.map((row) => row.messageId));
  const miscounted = miscountedProfiles(rows, insertedIds);
  if (miscounted.length > 0) await tx.$executeRaw(recomputeTraitsSql(workspaceId, miscounted));
  return insertedIds;
}
