import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import pg from "pg";
import { db } from "@/lib/db/client";
import { copyRows } from "@/lib/db/copy-rows";
import { connectionFields, isPglite } from "@/lib/db/database-url";
import { learnTraits } from "@/lib/profiles/ingest/trait-catalog";
import { derivePopulation, type Report } from "./derive-population";
import { generatePopulation, type DemoEvent, type PopulationOptions } from "./generate-population";
import { computedTraitsOf } from "./computed-traits";
import {
  analyzeStatement,
  COPY_DEMO_COUNTERS,
  COPY_DEMO_EVENTS,
  COPY_DEMO_PROFILES,
  demoCounterLines,
  demoEventLine,
  demoProfileLine,
  type DemoProfileRow,
  insertDemoCountersSql,
  insertDemoEventsSql,
  insertDemoProfilesSql,
} from "./sql";

const PROFILE_CHUNK = 1_000;
const EVENT_CHUNK = 5_000;
// COPY path: profiles generated (with their events) per chunk; three chunks' lines in memory at most.
const COPY_CHUNK = 5_000;
const EVENT_CONNECTIONS = 2;

export type LoadReport = {
  method: "copy" | "insert";
  profiles: number;
  events: number;
  seconds: number;
  /** Writing profiles and events only (rows/s of the bulk load itself). */
  loadSeconds: number;
  /** Rollups, computed traits and the trait catalog, derived set-based afterwards. */
  deriveSeconds: number;
};

type Progress = (done: number, total: number) => void;

/**
 * Writes a generated population, then derives rollups and computed traits set-based.
 *
 * Server mode streams it with COPY (docs/design-brief.md "Bulk writes"); embedded mode uses chunked
 * unnest inserts, because pglite-server does not speak COPY FROM STDIN (the connection fails with
 * "protocol synchronization was lost") and each short statement keeps the embedded database
 * responsive. Either way the generator is deterministic, so the same options give the same rows.
 */
export async function loadPopulation(
  workspaceId: string,
  options: PopulationOptions,
  onProgress?: Progress,
  tuning: { copyChunk?: number } = {},
  onDerive?: Report,
): Promise<LoadReport> {
  const started = Date.now();
  const url = process.env.DATABASE_URL;
  const method = url && !(await isPglite(url)) ? "copy" : "insert";
  const { profiles, events } =
    method === "copy"
      ? await copyPopulation(url!, workspaceId, options, tuning.copyChunk ?? COPY_CHUNK, onProgress)
      : await insertPopulation(workspaceId, options, onProgress);
  const loaded = Date.now();

  // Fresh bulk-loaded tables have no statistics yet; without them the derivations below plan badly.
  await db.$executeRawUnsafe(analyzeStatement("Event"));
  await derivePopulation(workspaceId, { server: method === "copy" }, onDerive);
  const sample = await db.profile.findMany({ where: { workspaceId }, select: { traits: true }, take: 200 });
  await db.$transaction((tx) =>
    learnTraits(
      tx,
      workspaceId,
      sample.map((p) => p.traits as Record<string, unknown>),
    ),
  );
  const finished = Date.now();
  return {
    method,
    profiles,
    events,
    seconds: (finished - started) / 1000,
    loadSeconds: (loaded - started) / 1000,
    deriveSeconds: (finished - loaded) / 1000,
  };
}

/**
 * One pass over the generator, a chunk of profiles at a time: the chunk's profiles are copied (and
 * committed) first, then its events, on one of two connections, while the next chunk is generated —
 * generation (JavaScript) and two COPY backends share the machine instead of taking turns.
 * After the first chunk, "Profile" is analysed: the events' foreign-key checks are planned once per
 * connection, and planned on a table the statistics call empty they would scan it sequentially.
 */
async function copyPopulation(
  url: string,
  workspaceId: string,
  options: PopulationOptions,
  chunkProfiles: number,
  onProgress?: Progress,
) {
  const profileClient = new pg.Client(connectionFields(url));
  const eventClients = Array.from({ length: EVENT_CONNECTIONS }, () => new pg.Client(connectionFields(url)));
  await Promise.all([profileClient, ...eventClients].map((client) => client.connect()));
  const updatedAt = new Date().toISOString();
  const generator = generatePopulation(options);
  let profiles = 0;
  let events = 0;

  async function nextChunk() {
    const profileLines: string[] = [];
    const counterLines: string[] = [];
    const eventLines: string[] = [];
    for (let n = 0; n < chunkProfiles; n++) {
      const next = generator.next();
      if (next.done) break;
      const row = { ...next.value.profile, computed: computedTraitsOf(next.value.profile.timezone, next.value.events) };
      profileLines.push(demoProfileLine(workspaceId, row, updatedAt));
      counterLines.push(...demoCounterLines(workspaceId, row));
      for (const event of next.value.events) eventLines.push(demoEventLine(workspaceId, event));
      // Let the pending COPYs' sockets drain while this chunk is being generated.
      if (n % 250 === 249) await yieldToEventLoop();
    }
    return { profileLines, counterLines, eventLines };
  }

  const pending: Promise<void>[] = [];
  try {
    for (let chunk = await nextChunk(), k = 0; chunk.profileLines.length > 0; chunk = await nextChunk(), k++) {
      profiles += await copyRows(profileClient, COPY_DEMO_PROFILES, chunk.profileLines);
      // After their profiles (foreign key), on the same connection.
      if (chunk.counterLines.length > 0) await copyRows(profileClient, COPY_DEMO_COUNTERS, chunk.counterLines);
      if (k === 0) await profileClient.query(`ANALYZE "Profile"`);
      const slot = k % eventClients.length;
      await pending[slot];
      const done = profiles;
      pending[slot] = copyRows(eventClients[slot]!, COPY_DEMO_EVENTS, chunk.eventLines).then((copied) => {
        events += copied;
        onProgress?.(done, options.profiles);
      });
      // Awaited before its slot is reused or at the end; until then a failure must not go unhandled.
      pending[slot].catch(() => undefined);
    }
    await Promise.all(pending);
  } finally {
    await Promise.allSettled(pending);
    await Promise.all([profileClient, ...eventClients].map((client) => client.end()));
  }
  return { profiles, events };
}

// Tried: deriving each chunk's rollups and computed traits right after its events (the same
// statements scoped to the chunk's profiles by an id array). The scoped statements cost ≈ 1.6 s per
// 5,000-profile chunk (the trait update filtered every profile against the id array): ≈ 32 s at 100k
// profiles / 1M events against ≈ 25 s for one pass afterwards. Kept: a pass after the load, in
// ranges of ids (derive-population.ts).

/**
 * Two passes over the (deterministic) generator: all profiles first, then ANALYZE, then the events.
 * Interleaved, the events' foreign-key checks were planned while "Profile" was nearly empty, kept
 * their sequential-scan plans, and every chunk got slower as profiles grew (3k rows/s at 5k profiles).
 */
async function insertPopulation(workspaceId: string, options: PopulationOptions, onProgress?: Progress) {
  let profiles: DemoProfileRow[] = [];
  let profileCount = 0;
  for (const { profile, events } of generatePopulation(options)) {
    profiles.push({ ...profile, computed: computedTraitsOf(profile.timezone, events) });
    if (profiles.length === PROFILE_CHUNK) {
      await db.$executeRaw(insertDemoProfilesSql(workspaceId, profiles));
      await db.$executeRaw(insertDemoCountersSql(workspaceId, profiles));
      profileCount += profiles.length;
      profiles = [];
    }
  }
  if (profiles.length > 0) {
    await db.$executeRaw(insertDemoProfilesSql(workspaceId, profiles));
    await db.$executeRaw(insertDemoCountersSql(workspaceId, profiles));
  }
  profileCount += profiles.length;
  await db.$executeRawUnsafe(analyzeStatement("Profile"));

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
  return { profiles: profileCount, events: eventCount };
}
