import { Prisma } from "@/lib/generated/prisma/client";

// The journey API's read statements (docs/journeys.md, "API"); the engine's are in engine/sql.ts.

export type JourneyCountsRow = { journeyId: string; entered: number; inJourney: number; converted: number };

/**
 * Entries, entries still in, and conversions per journey, over every version, for the journeys of
 * one list page: read per journey through the (workspaceId, journeyId, dueAt) index, so the work is
 * the listed journeys' entries (EXPLAIN ANALYZE, PostgreSQL 15: a journey with 50k entries among
 * 250k, 45 ms). The step rollup (Not built yet) would make this a read of a few rows per journey.
 */
export const journeyCountsSql = (workspaceId: string, journeyIds: readonly string[]) => Prisma.sql`
  SELECT x."journeyId", count(*)::int AS "entered",
    count(*) FILTER (WHERE x."state" IN ('active', 'waiting'))::int AS "inJourney",
    count(x."convertedAt")::int AS "converted"
  FROM "JourneyEntry" x
  WHERE x."workspaceId" = ${workspaceId} AND x."journeyId" = ANY (${[...journeyIds]}::text[])
  GROUP BY x."journeyId"`;

/**
 * One group of a version's counts. `entry` rows group its entries by position (step, state, exit
 * reason): `n` of them, `converted` with a goal, `withoutStep` at a step they have not run (waiting
 * in it, about to run it, or exited there by an event or a deleted profile). `step` rows group the
 * steps they ran by step and exit (null: the entry exited at that step).
 */
export type JourneyStatsRow = {
  src: "entry" | "step";
  nodeId: string;
  state: string | null;
  key: string | null;
  n: number;
  converted: number;
  withoutStep: number;
};

/**
 * A version's counts per step, in one statement so every count comes from the same snapshot. Work
 * is bounded by the journey's own entries: they are found through the (workspaceId, journeyId, dueAt)
 * index and their steps by JourneyStep's primary key (workspaceId, entryId, nodeId), so other
 * journeys' entries and steps are never read. EXPLAIN ANALYZE, PostgreSQL 15, 250k entries and 375k
 * steps in two journeys, a version with 17k entries: a plain join of the steps hashed every
 * JourneyStep row of the workspace (seq scan, 570 ms); with the lateral probe per entry, 230 ms, and
 * that time no longer grows with other journeys' steps.
 */
export const journeyStatsSql = (workspaceId: string, journeyId: string, versionId: string) => Prisma.sql`
  WITH x AS MATERIALIZED (
    SELECT e."workspaceId", e."id", e."nodeId", e."state", e."exitReason", e."convertedAt" FROM "JourneyEntry" e
    WHERE e."workspaceId" = ${workspaceId} AND e."journeyId" = ${journeyId} AND e."versionId" = ${versionId}
  )
  SELECT 'entry' AS "src", x."nodeId", x."state", x."exitReason" AS "key", count(*)::int AS "n",
    count(x."convertedAt")::int AS "converted",
    count(*) FILTER (WHERE NOT EXISTS (
      SELECT 1 FROM "JourneyStep" s
      WHERE s."workspaceId" = x."workspaceId" AND s."entryId" = x."id" AND s."nodeId" = x."nodeId"))::int
      AS "withoutStep"
  FROM x GROUP BY x."nodeId", x."state", x."exitReason"
  UNION ALL
  SELECT 'step', s."nodeId", NULL, s."exit", count(*)::int, 0, 0
  FROM x CROSS JOIN LATERAL (
    SELECT s."nodeId", s."exit" FROM "JourneyStep" s
    WHERE s."workspaceId" = x."workspaceId" AND s."entryId" = x."id"
    OFFSET 0 -- a fence: keeps the per-entry primary-key probe (see above) from becoming a hash join
  ) s
  GROUP BY s."nodeId", s."exit"`;
