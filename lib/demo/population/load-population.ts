import { db } from "@/lib/db";
import { rebuildRollupsSql, recomputeTraitsSql } from "@/lib/profiles/ingest/sql";
import { learnTraits } from "@/lib/profiles/ingest/trait-catalog";
import { generatePopulation, type DemoEvent, type DemoProfile, type PopulationOptions } from "./generate-population";
import { insertDemoEventsSql, insertDemoProfilesSql } from "./sql";

const PROFILE_CHUNK = 1_000;
const EVENT_CHUNK = 5_000;

export type LoadReport = { profiles: number; events: number; seconds: number; deriveSeconds: number };

/**
 * Writes a generated population in chunks (each its own short statement, so the embedded database
 * stays responsive), then derives rollups and computed traits set-based.
 *
 * Two passes over the (deterministic) generator: all profiles first, then ANALYZE, then the events.
 * Interleaved, the events' foreign-key checks were planned while "Profile" was nearly empty, kept
 * their sequential-scan plans, and every chunk got slower as profiles grew (3k rows/s at 5k profiles).
 */
export async function loadPopulation(workspaceId: string, options: PopulationOptions, onProgress?: (done: number, total: number) => void): Promise<LoadReport> {
  const started = Date.now();
  let profiles: DemoProfile[] = [];
  let profileCount = 0;
  for (const { profile } of generatePopulation(options)) {
    profiles.push(profile);
    if (profiles.length === PROFILE_CHUNK) {
      await db.$executeRaw(insertDemoProfilesSql(workspaceId, profiles));
      profileCount += profiles.length;
      profiles = [];
    }
  }
  if (profiles.length > 0) await db.$executeRaw(insertDemoProfilesSql(workspaceId, profiles));
  profileCount += profiles.length;
  await db.$executeRawUnsafe(`ANALYZE "Profile"`);

  let events: DemoEvent[] = [];
  let eventCount = 0;
  let done = 0;
  for (const { events: own } of generatePopulation(options)) {
    events.push(...own);
    if (events.length >= EVENT_CHUNK) {
      eventCount += await db.$executeRaw(insertDemoEventsSql(workspaceId, events));
      events = [];
    }
    if (++done % 1000 === 0) onProgress?.(done, options.profiles);
  }
  if (events.length > 0) eventCount += await db.$executeRaw(insertDemoEventsSql(workspaceId, events));

  const loaded = Date.now();
  // Fresh bulk-loaded tables have no statistics yet; without them the derivations below plan badly.
  await db.$executeRawUnsafe(`ANALYZE "Event"`);
  for (const statement of rebuildRollupsSql(workspaceId, null)) await db.$executeRaw(statement);
  await db.$executeRaw(recomputeTraitsSql(workspaceId, null));
  const sample = await db.profile.findMany({ where: { workspaceId }, select: { traits: true }, take: 200 });
  await db.$transaction((tx) => learnTraits(tx, workspaceId, sample.map((p) => p.traits as Record<string, unknown>)));
  return { profiles: profileCount, events: eventCount, seconds: (Date.now() - started) / 1000, deriveSeconds: (Date.now() - loaded) / 1000 };
}
