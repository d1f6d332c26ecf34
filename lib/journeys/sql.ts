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
 * steps they ran by step and exit (null: the entry exited at that step), `converted` of them with a
 * goal. `message` rows are a send step's messages by channel: `n` of them, and of those `sent`,
 * `delivered` (and sent), `opened` / `clicked` / `converted` (and delivered) — each stage only counts
 * members of the stage its rate divides by. The one `goal` row is the converted entries outside the
 * holdout (`n`) with the median and 90th percentile of their seconds from entry to goal.
 */
export type JourneyStatsRow = {
  src: "entry" | "step" | "message" | "goal";
  nodeId: string | null;
  state: string | null;
  key: string | null;
  n: number;
  converted: number;
  withoutStep: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  p50: number | null;
  p90: number | null;
};

/**
 * A version's counts per step, in one statement so every count comes from the same snapshot. Work
 * is bounded by the journey's own entries: they are found through the (workspaceId, journeyId, dueAt)
 * index, their steps by JourneyStep's primary key (workspaceId, entryId, nodeId) and a send step's
 * message by Message's (workspaceId, id), so other journeys' entries, steps and messages are never
 * read. EXPLAIN ANALYZE, PostgreSQL 15, 250k entries and 375k steps in two journeys, a version with
 * 17k entries: a plain join of the steps hashed every JourneyStep row of the workspace (seq scan,
 * 570 ms); with the lateral probe per entry, 230 ms, and that time no longer grows with other
 * journeys' steps. The messages are probed the same way from the steps that queued one, and
 * "without a step" looks in `s`, not JourneyStep: unfenced, the message join hashed a seq scan of
 * every Message of the workspace and the NOT EXISTS a seq scan of every JourneyStep (EXPLAIN
 * ANALYZE, PostgreSQL 15, a version with 5k entries, 15k steps, 5k messages among 25k entries /
 * 75k steps / 25k messages: both gone, every read a primary-key probe or a CTE scan, 45k buffer
 * hits in all, one statement of four grouped branches).
 */
export const journeyStatsSql = (workspaceId: string, journeyId: string, versionId: string) => Prisma.sql`
  WITH x AS MATERIALIZED (
    SELECT e."workspaceId", e."id", e."nodeId", e."state", e."exitReason", e."enteredAt", e."convertedAt"
    FROM "JourneyEntry" e
    WHERE e."workspaceId" = ${workspaceId} AND e."journeyId" = ${journeyId} AND e."versionId" = ${versionId}
  ), s AS MATERIALIZED (
    SELECT x."workspaceId", x."id" AS "entryId", x."convertedAt", s."nodeId", s."exit", s."messageId"
    FROM x CROSS JOIN LATERAL (
      SELECT s."nodeId", s."exit", s."messageId" FROM "JourneyStep" s
      WHERE s."workspaceId" = x."workspaceId" AND s."entryId" = x."id"
      OFFSET 0 -- a fence: keeps the per-entry primary-key probe (see above) from becoming a hash join
    ) s
  )
  SELECT 'entry' AS "src", x."nodeId", x."state", x."exitReason" AS "key", count(*)::int AS "n",
    count(x."convertedAt")::int AS "converted",
    count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM s WHERE s."entryId" = x."id" AND s."nodeId" = x."nodeId"))::int
      AS "withoutStep",
    0 AS "sent", 0 AS "delivered", 0 AS "opened", 0 AS "clicked",
    NULL::float8 AS "p50", NULL::float8 AS "p90"
  FROM x GROUP BY x."nodeId", x."state", x."exitReason"
  UNION ALL
  SELECT 'step', s."nodeId", NULL, s."exit", count(*)::int, count(s."convertedAt")::int, 0, 0, 0, 0, 0, NULL, NULL
  FROM s GROUP BY s."nodeId", s."exit"
  UNION ALL
  SELECT 'message', s."nodeId", NULL, m."channel", count(*)::int,
    count(*) FILTER (WHERE m."sentAt" IS NOT NULL AND m."deliveredAt" IS NOT NULL AND m."convertedAt" IS NOT NULL)::int,
    0,
    count(*) FILTER (WHERE m."sentAt" IS NOT NULL)::int,
    count(*) FILTER (WHERE m."sentAt" IS NOT NULL AND m."deliveredAt" IS NOT NULL)::int,
    count(*) FILTER (WHERE m."sentAt" IS NOT NULL AND m."deliveredAt" IS NOT NULL AND m."openedAt" IS NOT NULL)::int,
    count(*) FILTER (WHERE m."sentAt" IS NOT NULL AND m."deliveredAt" IS NOT NULL AND m."clickedAt" IS NOT NULL)::int,
    NULL, NULL
  FROM s CROSS JOIN LATERAL (
    SELECT m."channel", m."sentAt", m."deliveredAt", m."openedAt", m."clickedAt", m."convertedAt" FROM "Message" m
    WHERE m."workspaceId" = s."workspaceId" AND m."id" = s."messageId"
    OFFSET 0 -- the same fence: a probe per message, not a hash of the workspace's messages
  ) m
  WHERE s."messageId" IS NOT NULL
  GROUP BY s."nodeId", m."channel"
  UNION ALL
  SELECT 'goal', NULL, NULL, NULL, count(*)::int, 0, 0, 0, 0, 0, 0,
    percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM x."convertedAt" - x."enteredAt"))::float8,
    percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM x."convertedAt" - x."enteredAt"))::float8
  FROM x WHERE x."convertedAt" IS NOT NULL AND x."exitReason" IS DISTINCT FROM 'holdout'`;
