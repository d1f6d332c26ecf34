import { db } from "@/lib/db/client";
import { runTuned } from "@/lib/db/tuned-query";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rebuildRollupsSql } from "@/lib/profiles/ingest/sql";
import { profileRanges, rangeProgress } from "@/lib/profiles/profile-ranges";
import { seconds, timeToGo } from "@/lib/progress";
import {
  analyzeStatement,
  dropIndexStatement,
  indexProgressSql,
  secondaryIndexesSql,
  vacuumAnalyzeStatement,
  vacuumProgressSql,
} from "./sql";

/** One line of progress: what is being done, how far, how fast, how long to go. */
export type Report = (line: string) => void;

// Rollups whose secondary indexes are dropped while they fill and built again afterwards: a B-tree
// built by one sort is many times cheaper than millions of inserts at random places in it (the
// (name, day, profileId) key of ProfileEventDaily is random in profile order).
const ROLLUPS = ["ProfileEventDaily", "ProfileEventTotal", "ProfileActiveDay", "ProfileActivity"] as const;
// Profiles per derivation chunk: enough that per-statement overhead is small, few enough for
// progress every few seconds (the demo's 5,000 are one chunk, 1M are 50). Each chunk's rows go into
// the rollups in primary-key order.
const CHUNK_PROFILES = 20_000;
const MAX_CHUNKS = 50;

/**
 * Runs `statement`, printing the share of `total` its progress query reports every few seconds (VACUUM, index builds).
 */
async function withProgress(
  label: string,
  statement: string,
  progress: Prisma.Sql | null,
  report: Report,
  inTransaction = false,
) {
  const started = Date.now();
  let done = false;
  const poll = (async () => {
    for (let tick = 1; progress && !done; tick++) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      if (done || tick % 10 !== 0) continue;
      const [row] = await db.$queryRaw<{ done: bigint | null; total: bigint | null }[]>(progress).catch(() => []);
      const share = row?.done && row.total ? Number(row.done) / Number(row.total) : null;
      const elapsed = Date.now() - started;
      if (share)
        report(
          `${label}: ${Math.round(share * 100)} % after ${seconds(elapsed)}, about ${timeToGo(elapsed, share)} to go`,
        );
    }
  })();
  try {
    // An index build gets memory to sort in (a seed, on a database nobody uses yet); VACUUM cannot run in a
    // transaction.
    if (inTransaction) {
      await runTuned({ maintenanceWorkMemMb: 512 }, { timeoutMs: 3_600_000 }, (tx) => tx.$executeRawUnsafe(statement));
    } else await db.$executeRawUnsafe(statement);
  } finally {
    done = true;
    await poll;
  }
  report(`${label}: done in ${seconds(Date.now() - started)}`);
}

/**
 * The rollups of a bulk-loaded population (its profiles were written with their computed traits,
 * computed-traits.ts), derived set-based from its events, with progress (rows done, rate, time to go)
 * in every phase. The profiles are cut into CHUNKS ranges of ids; each range's daily and all-time
 * rollups and active days are one short statement each, reading that range's events through Event's
 * (workspaceId, profileId, …) index — index-only once VACUUM has set the visibility map — and writing
 * in primary-key order. `server`: the COPY path on PostgreSQL, where the rollups' secondary indexes are
 * dropped while they fill and built afterwards.
 */
export async function derivePopulation(
  workspaceId: string,
  options: { server: boolean },
  report: Report = () => undefined,
) {
  const started = Date.now();
  if (options.server) {
    await withProgress(
      `vacuum "Event" (so each chunk reads its events from the index alone)`,
      vacuumAnalyzeStatement("Event"),
      vacuumProgressSql("Event"),
      report,
    );
  }
  await db.$executeRawUnsafe(analyzeStatement("Profile"));
  const indexes = options.server
    ? await db.$queryRaw<{ name: string; table: string; definition: string }[]>(secondaryIndexesSql(ROLLUPS))
    : [];
  for (const index of indexes) await db.$executeRawUnsafe(dropIndexStatement(index.name));
  try {
    const { ranges, profiles } = await profileRanges(workspaceId, CHUNK_PROFILES, MAX_CHUNKS);
    const progress = rangeProgress("rollups", profiles, ranges.length, report);
    for (let i = 0; i < ranges.length; i++) {
      for (const statement of rebuildRollupsSql(workspaceId, ranges[i]!)) await db.$executeRaw(statement);
      progress(i + 1);
    }
  } finally {
    for (const index of indexes)
      await withProgress(`index ${index.name}`, index.definition, indexProgressSql(index.table), report, true);
  }
  // VACUUM sets the visibility map of the rebuilt tables (VACUUM FULL does not), so reports and
  // segment counts read their covering indexes as index-only scans from the start instead of after
  // autovacuum's turn — per-node counts read "Profile" through its primary key.
  for (const table of options.server ? ["Profile", ...ROLLUPS] : ["Profile", "Event", ...ROLLUPS])
    await withProgress(
      `vacuum "${table}"`,
      vacuumAnalyzeStatement(table),
      options.server ? vacuumProgressSql(table) : null,
      report,
    );
  return (Date.now() - started) / 1000;
}
