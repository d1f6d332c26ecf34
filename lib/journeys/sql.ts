import { Prisma } from "@/lib/generated/prisma/client";

// The journey API's read statements (docs/journeys.md, "API"); the engine's are in engine/sql.ts.

export type JourneyCountsRow = { journeyId: string; entered: number; inJourney: number; converted: number };

/**
 * Entries, entries still in, and conversions per journey, over every version, for the journeys of
 * one list page: read per journey through the (workspaceId, journeyId, …) indexes.
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
 * is bounded by the version's own entries: they are found through the (workspaceId, journeyId, …)
 * indexes and their steps by JourneyStep's primary key (workspaceId, entryId, nodeId), so other
 * journeys' entries are never read.
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
  FROM x JOIN "JourneyStep" s ON s."workspaceId" = x."workspaceId" AND s."entryId" = x."id"
  GROUP BY s."nodeId", s."exit"`;
