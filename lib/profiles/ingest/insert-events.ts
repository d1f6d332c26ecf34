import type { Tx } from "@/lib/db/client";
import { advanceCounts, miscountedProfiles, type LockedProfile } from "./running-counts";
import { insertEventsSql, recomputeTraitsSql, type EventRow } from "./sql";

/**
 * Stores events with their rollups and computed traits (insertEventsSql), the running counts
 * merged into `locked`: the caller's lockProfilesSql rows for every profile with activity among
 * `rows`, read before anything else of theirs. A profile some of whose events a concurrent request
 * stored first (so they were merged twice) is recounted from its events. `timezones` overrides a
 * profile's zone set earlier in the same transaction. Returns the messageIds inserted.
 */
export async function insertEvents(
  tx: Tx,
  workspaceId: string,
  rows: readonly EventRow[],
  locked: readonly LockedProfile[],
  timezones?: ReadonlyMap<string, string>,
): Promise<Set<string>> {
  const inserted = await tx.$queryRaw<{ messageId: string }[]>(
    insertEventsSql(workspaceId, rows, advanceCounts(locked, rows, timezones)),
  );
  const insertedIds = new Set(inserted.map((row) => row.messageId));
  const miscounted = miscountedProfiles(rows, insertedIds);
  if (miscounted.length > 0) await tx.$executeRaw(recomputeTraitsSql(workspaceId, miscounted));
  return insertedIds;
}
