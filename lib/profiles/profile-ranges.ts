import { db } from "@/lib/db/client";
import { seconds, timeToGo } from "@/lib/progress";
import type { ProfileScope } from "./ingest/sql";
import { profileRangeStartsSql } from "./sql";

/**
 * A workspace's profiles cut into about `perRange`-sized ranges of ids (at most `maxRanges`), for
 * rebuilds that go range by range: each range is one short statement per table, read through the
 * (workspaceId, profileId, …) indexes, with progress between them. One range (null: the whole
 * workspace) when it is small.
 */
export async function profileRanges(
  workspaceId: string,
  perRange = 20_000,
  maxRanges = 50,
): Promise<{ ranges: ProfileScope[]; profiles: number }> {
  const profiles = await db.profile.count({ where: { workspaceId } });
  const count = Math.max(1, Math.min(maxRanges, Math.round(profiles / perRange)));
  if (count === 1) return { ranges: [null], profiles };
  const bounds = await db.$queryRaw<{ first: string }[]>(profileRangeStartsSql(workspaceId, count));
  return { ranges: bounds.map((bound, i) => ({ from: bound.first, to: bounds[i + 1]?.first ?? null })), profiles };
}

/** A progress printer for range-by-range work: profiles done, rate and time to go, every 10 s and at the end. */
export function rangeProgress(label: string, profiles: number, ranges: number, report: (line: string) => void) {
  const started = Date.now();
  let last = 0;
  return (rangesDone: number) => {
    if (Date.now() - last < 10_000 && rangesDone < ranges) return;
    last = Date.now();
    const done = Math.round((profiles * rangesDone) / ranges);
    const elapsed = Date.now() - started;
    const rate = done / Math.max(elapsed / 1000, 0.001);
    report(
      rangesDone < ranges
        ? `${label}: ${done.toLocaleString("en")}/${profiles.toLocaleString("en")} profiles, ` +
            `${Math.round(rate).toLocaleString("en")} profiles/s, about ` +
            `${timeToGo(elapsed, done / profiles)} to go`
        : `${label}: ${profiles.toLocaleString("en")} profiles in ${seconds(elapsed)}`,
    );
  };
}
