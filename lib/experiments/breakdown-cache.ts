import { db } from "@/lib/db/client";
import type { Breakdown, BreakdownKind } from "./get-readout";
import type { UnitScope } from "./sql";

/*
 * Breakdowns cached per (experiment, persona | segment), valid for one data version: the digest of
 * the experiment's day rows (any counted exposure or event changes it) plus the newest change to a
 * persona or segment (the groups' definitions). In-process memory, like the report cache: each
 * server process computes a breakdown at most once per version.
 */
const MAX_ENTRIES = 200;
type Entry = { version: string; value: Breakdown };
const store: Map<string, Entry> = ((
  globalThis as { __tailorBreakdownCache?: Map<string, Entry> }
).__tailorBreakdownCache ??= new Map<string, Entry>());

async function groupsVersion(workspaceId: string): Promise<string> {
  const [personas, segments] = await Promise.all([
    db.persona.aggregate({ where: { workspaceId }, _max: { updatedAt: true }, _count: true }),
    db.segment.aggregate({ where: { workspaceId }, _max: { updatedAt: true }, _count: true }),
  ]);
  const stamp = (a: { _count: number; _max: { updatedAt: Date | null } }) =>
    `${a._count}:${a._max.updatedAt?.getTime() ?? 0}`;
  return `${stamp(personas)}/${stamp(segments)}`;
}

const keyOf = (s: UnitScope, kind: BreakdownKind) => `${s.workspaceId}\u0000${s.experimentId}\u0000${kind}`;

/** The cached breakdown for this version, else `pending` (the page asks for it when its tab opens). */
export async function peekBreakdown(s: UnitScope, kind: BreakdownKind, statsVersion: string): Promise<Breakdown> {
  const hit = store.get(keyOf(s, kind));
  if (hit && hit.version === `${statsVersion}/${await groupsVersion(s.workspaceId)}`) return hit.value;
  return { groups: [], pending: true };
}

export async function cachedBreakdown(
  s: UnitScope,
  kind: BreakdownKind,
  statsVersion: string,
  compute: () => Promise<Breakdown>,
): Promise<Breakdown> {
  const version = `${statsVersion}/${await groupsVersion(s.workspaceId)}`;
  const key = keyOf(s, kind);
  const hit = store.get(key);
  if (hit && hit.version === version) {
    // Re-insert: Map keeps insertion order, so the first key is always the least recently used.
    store.delete(key);
    store.set(key, hit);
    return hit.value;
  }
  const value = { ...(await compute()), asOf: new Date().toISOString() };
  store.set(key, { version, value });
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!);
  return value;
}

/** Empties the cache (benchmarks measure cold runs with it). */
export function clearBreakdownCache(): void {
  store.clear();
}
