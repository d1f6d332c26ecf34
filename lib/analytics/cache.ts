import { db } from "@/lib/db";
import { singleflight } from "@/lib/http/singleflight";
import { dataVersionSql } from "./sql";

/**
 * Report results cached per (workspace, query, resolved parameters), valid for one data version:
 * the workspace's largest Event id plus the size of its MessageDaily rollup. Every ingested or
 * delivered event raises the first (ids only grow), a rollup rebuild changes the second, so a new
 * version means new data and the old entries are simply never read again (they age out of the LRU).
 * Reading the version is two index lookups (Event's (workspaceId, id) primary key; MessageDaily is
 * small), far cheaper than any report. Exposure-based reports add the exposure count to the key.
 * In-process memory: each server process has its own cache, which is fine for a read-through cache.
 */
const MAX_ENTRIES = 500;
type Entry = { version: string; value: unknown };
const store: Map<string, Entry> = ((globalThis as { __tailorReportCache?: Map<string, Entry> }).__tailorReportCache ??= new Map());

export async function dataVersion(workspaceId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ maxEventId: string; messageDaily: string }[]>(dataVersionSql(workspaceId));
  return `${row?.maxEventId ?? 0}/${row?.messageDaily ?? 0}`;
}

export type Cached<T> = T & { cache: { hit: boolean; version: string } };

export async function cachedReport<T extends object>(workspaceId: string, query: string, params: unknown, compute: () => Promise<T>, extraVersion = ""): Promise<Cached<T>> {
  const version = (await dataVersion(workspaceId)) + extraVersion;
  const key = `${workspaceId}\u0000${query}\u0000${JSON.stringify(params)}`;
  const hit = store.get(key);
  if (hit && hit.version === version) {
    // Re-insert: Map keeps insertion order, so the first key is always the least recently used.
    store.delete(key);
    store.set(key, hit);
    return { ...(hit.value as T), cache: { hit: true, version } };
  }
  // Users asking the same question of the same data while it computes share that computation.
  const { value } = await singleflight(`report\u0000${key}\u0000${version}`, compute);
  store.set(key, { version, value });
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
  return { ...value, cache: { hit: false, version } };
}

/** Empties the cache (benchmarks measure cold runs with it). */
export function clearReportCache(): void {
  store.clear();
}
