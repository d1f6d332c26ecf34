import { db } from "@/lib/db/client";
import { singleflight } from "@/lib/http/singleflight";
import { dataVersionSql } from "./sql";

/**
 * Report results cached per (workspace, query, resolved parameters), valid for one data version:
 * the workspace's largest Event id plus the size of its MessageDaily rollup. Every ingested or
 * delivered event raises the first (ids only grow), a rollup rebuild changes the second, so a new
 * version means new data. Reading the version is two index lookups (Event's (workspaceId, id)
 * primary key; MessageDaily is small), far cheaper than any report. Exposure-based reports add the
 * exposure count to the key. In-process memory: each server process has its own cache.
 *
 * While events stream in, the version moves every second and a per-version cache alone would never
 * hit: every analyst would recompute every report (retention took 3.9 s p95 with four analysts beside
 * an ingestion load at 1M profiles). So a report that is slow to compute (SLOW_MS or more) is answered
 * from its last result while that is younger than MAX_AGE_MS, with the time it was computed (`asOf`)
 * and `refreshing`, and recomputed in the background, once however many ask; the page says "as of"
 * and reads again when it is done. Fast reports are always computed for the version asked.
 */
const MAX_ENTRIES = 500;
export const SLOW_MS = 300;
// How old an answer may be while newer data is being counted; 0 computes every version (benchmarks
// of the computation itself, bench/dashboard.ts).
const MAX_AGE_MS = Number(process.env.TAILOR_REPORT_STALE_SECONDS ?? 120) * 1000;

type Entry = { version: string; value: unknown; computedAt: number; computeMs: number };
const store: Map<string, Entry> = ((globalThis as { __tailorReportCache?: Map<string, Entry> }).__tailorReportCache ??=
  new Map<string, Entry>());
// Reports being recomputed behind a stale answer: one refresh per report at a time, whatever version.
const refreshing: Set<string> = ((globalThis as { __tailorReportRefreshing?: Set<string> }).__tailorReportRefreshing ??=
  new Set());

export async function dataVersion(workspaceId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ maxEventId: string; messageDaily: string }[]>(dataVersionSql(workspaceId));
  return `${row?.maxEventId ?? 0}/${row?.messageDaily ?? 0}`;
}

export type CacheState = { hit: boolean; version: string; asOf: string; refreshing: boolean };
export type Cached<T> = T & { cache: CacheState };

function remember(key: string, entry: Entry) {
  store.delete(key);
  store.set(key, entry);
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
}

/** Computes the report for `version` once, however many ask at the same moment, and keeps it. */
async function compute<T>(key: string, version: string, run: () => Promise<T>): Promise<Entry> {
  const { value } = await singleflight(`report\u0000${key}\u0000${version}`, async () => {
    const started = Date.now();
    const result = await run();
    const entry: Entry = { version, value: result, computedAt: Date.now(), computeMs: Date.now() - started };
    remember(key, entry);
    return entry;
  });
  return value;
}

const answer = <T>(entry: Entry, hit: boolean, refreshing: boolean): Cached<T> => ({
  ...(entry.value as T),
  cache: { hit, version: entry.version, asOf: new Date(entry.computedAt).toISOString(), refreshing },
});

export async function cachedReport<T extends object>(
  workspaceId: string,
  query: string,
  params: unknown,
  run: () => Promise<T>,
  extraVersion = "",
  now = Date.now(),
): Promise<Cached<T>> {
  const version = (await dataVersion(workspaceId)) + extraVersion;
  const key = `${workspaceId}\u0000${query}\u0000${JSON.stringify(params)}`;
  const last = store.get(key);
  if (last && last.version === version) {
    remember(key, last);
    return answer<T>(last, true, false);
  }
  if (last && last.computeMs >= SLOW_MS && now - last.computedAt <= MAX_AGE_MS) {
    if (!refreshing.has(key)) {
      refreshing.add(key);
      compute(key, version, run)
        .catch((error) => console.error(`report ${query}: refresh failed:`, (error as Error).message))
        .finally(() => refreshing.delete(key));
    }
    return answer<T>(last, true, true);
  }
  return answer<T>(await compute(key, version, run), false, false);
}

/** Empties the cache (benchmarks measure cold runs with it). */
export function clearReportCache(): void {
  store.clear();
}
