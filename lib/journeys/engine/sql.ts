import { Prisma } from "@/lib/generated/prisma/client";
import { propertyFilterSql } from "@/lib/segments/property-filter";
import type { PropertyFilter } from "@/lib/segments/schema";

// The journey engine's statements (docs/journeys.md). Everything else it does goes through Prisma.

/**
 * An event as these statements read it: properties as JSON text (matched by the segment filters),
 * and for entering, the event as an entry's context (JSON text).
 */
export type EventRow = { profileId: string; properties: string; context?: string };

/** The live journeys of a workspace with their current version's definition. */
export const liveJourneysSql = (workspaceId: string) => Prisma.sql`
  SELECT j."id" AS "journeyId", v."id" AS "versionId", v."definition", v."sendCampaigns"
  FROM "Journey" j
  JOIN "JourneyVersion" v ON v."workspaceId" = j."workspaceId" AND v."id" = j."currentVersionId"
  WHERE j."workspaceId" = ${workspaceId} AND j."status" = 'live'`;

// The batch's events as `e`, the alias the segment builder's property filters read (e."properties").
const eventsAs = (events: readonly EventRow[]) => Prisma.sql`(
  SELECT u.i::int AS i, u.profile_id AS "profileId", u.props::jsonb AS "properties", u.ctx::jsonb AS "context"
  FROM unnest(${events.map((_, i) => i)}::int[], ${events.map((e) => e.profileId)}::text[],
              ${events.map((e) => e.properties)}::text[], ${events.map((e) => e.context ?? null)}::text[])
    AS u(i, profile_id, props, ctx)) e`;

const filtersSql = (where: readonly PropertyFilter[], now: Date) =>
  where.length === 0
    ? Prisma.sql`true`
    : Prisma.join(
        where.map((f) => propertyFilterSql(f, now)),
        " AND ",
      );

/** The indexes of `events` whose properties pass every filter of `where` (the segment builder's filters). */
export const matchingEventsSql = (events: readonly EventRow[], where: readonly PropertyFilter[], now: Date) =>
  Prisma.sql`SELECT e.i FROM ${eventsAs(events)} WHERE ${filtersSql(where, now)}`;

/**
 * Enters the profiles of `events` that pass `where` into a journey, set-based: one new entry per
 * profile, occurrence = its last one + 1. Re-entry: never once the profile has an entry
 * (`reentryDays` null), else only when its last entry has exited and began `reentryDays` or more
 * ago. The last entry is read through the unique (workspace, journey, profile, occurrence) index,
 * which also makes two folds entering the same profile at once insert one row.
 */
export const enterJourneySql = (m: {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  entryNodeId: string;
  events: readonly EventRow[];
  where: readonly PropertyFilter[];
  reentryDays: number | null;
  now: Date;
}) => Prisma.sql`
  WITH matched AS (
    -- A profile's last passing event of the batch enters it.
    SELECT DISTINCT ON (e."profileId") e."profileId" AS profile_id, e."context"
    FROM ${eventsAs(m.events)} WHERE ${filtersSql(m.where, m.now)}
    ORDER BY e."profileId", e.i DESC
  )
  INSERT INTO "JourneyEntry"
    ("workspaceId", "id", "journeyId", "versionId", "profileId", "occurrence", "enteredAt", "context", "nodeId", "state",
     "dueAt")
  SELECT ${m.workspaceId}, gen_random_uuid()::text, ${m.journeyId}, ${m.versionId}, matched.profile_id,
    coalesce(last."occurrence", 0) + 1, ${m.now}::timestamp, matched."context", ${m.entryNodeId}, 'active',
    ${m.now}::timestamp
  FROM matched
  LEFT JOIN LATERAL (
    SELECT x."occurrence", x."enteredAt", x."state" FROM "JourneyEntry" x
    WHERE x."workspaceId" = ${m.workspaceId} AND x."journeyId" = ${m.journeyId} AND x."profileId" = matched.profile_id
    ORDER BY x."occurrence" DESC LIMIT 1
  ) last ON true
  WHERE last."occurrence" IS NULL
     OR (${m.reentryDays}::int IS NOT NULL AND last."state" = 'exited'
         AND last."enteredAt" <= ${m.now}::timestamp - make_interval(days => ${m.reentryDays}::int))
  ON CONFLICT ("workspaceId", "journeyId", "profileId", "occurrence") DO NOTHING
  RETURNING "id"`;

/**
 * An entry ingest may move or convert: in the journey, or exited without a conversion yet (a goal
 * within its window counts for entries that finished or were held out, so the holdout's conversion
 * rate compares with everyone else's).
 */
export type OpenEntry = {
  id: string;
  journeyId: string;
  versionId: string;
  profileId: string;
  nodeId: string;
  state: string;
  waitingFor: string | null;
  eventAt: Date | null;
  enteredAt: Date;
  exitReason: string | null;
};

/**
 * The batch's profiles' entries still in a journey, and their exited entries without a conversion
 * whose version has a goal still within its window (the version by its primary key). Through
 * (workspaceId, profileId, state): a profile's own entries (EXPLAIN ANALYZE, PostgreSQL 15: 1,000
 * profiles with 3 entries each among 300k, 7 ms).
 */
export const openEntriesSql = (workspaceId: string, profileIds: readonly string[], now: Date) => Prisma.sql`
  SELECT x."id", x."journeyId", x."versionId", x."profileId", x."nodeId", x."state", x."waitingFor", x."eventAt",
    x."enteredAt", x."exitReason"
  FROM "JourneyEntry" x
  WHERE x."workspaceId" = ${workspaceId} AND x."profileId" = ANY (${[...new Set(profileIds)]}::text[])
    AND (x."state" IN ('active', 'waiting')
         OR (x."convertedAt" IS NULL AND EXISTS (
               SELECT 1 FROM "JourneyVersion" v
               WHERE v."workspaceId" = x."workspaceId" AND v."id" = x."versionId"
                 AND x."enteredAt" >= ${now}::timestamp
                   - make_interval(days => (v."definition" -> 'goal' ->> 'windowDays')::int))))`;

/** Waiting entries whose event happened: due now, the worker takes the wait's "event" exit. */
export const releaseWaitsSql = (workspaceId: string, released: readonly { id: string; at: Date }[], now: Date) =>
  Prisma.sql`
  UPDATE "JourneyEntry" x SET "eventAt" = u.at::timestamp, "dueAt" = ${now}::timestamp
  FROM unnest(${released.map((r) => r.id)}::text[], ${released.map((r) => r.at.toISOString())}::text[]) AS u(id, at)
  WHERE x."workspaceId" = ${workspaceId} AND x."id" = u.id AND x."state" = 'waiting' AND x."eventAt" IS NULL`;

/**
 * Exits entries still in the journey (goal, exit_criteria) and marks goal conversions — also on
 * exited entries, which keep their exit reason. A worker holding one finishes its run first (row lock),
 * then this sees its state again; its lease is cleared so a claimed-but-not-started run finds nothing.
 */
export const exitOrConvertSql = (
  workspaceId: string,
  rows: readonly { id: string; reason: "goal" | "exit_criteria"; convertedAt: Date | null }[],
  now: Date,
) => Prisma.sql`
  UPDATE "JourneyEntry" x SET
    "state" = 'exited',
    "exitReason" = CASE WHEN x."state" = 'exited' THEN x."exitReason" ELSE u.reason END,
    "exitedAt" = coalesce(x."exitedAt", ${now}::timestamp),
    "convertedAt" = coalesce(x."convertedAt", u.converted_at::timestamp),
    "dueAt" = NULL, "waitingFor" = NULL, "leaseUntil" = NULL, "lockedBy" = NULL
  FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.reason)}::text[],
              ${rows.map((r) => r.convertedAt?.toISOString() ?? null)}::text[]) AS u(id, reason, converted_at)
  WHERE x."workspaceId" = ${workspaceId} AND x."id" = u.id
    AND (x."state" IN ('active', 'waiting') OR u.converted_at IS NOT NULL)`;

const claimedColumns = Prisma.sql`x."workspaceId", x."id", x."journeyId", x."versionId", x."profileId",
  x."occurrence", x."nodeId", x."state", x."eventAt"`;

/** A claimed entry: what the run needs. */
export type ClaimedEntry = {
  workspaceId: string;
  id: string;
  journeyId: string;
  versionId: string;
  profileId: string;
  occurrence: number;
  nodeId: string;
  state: string;
  eventAt: Date | null;
};

/**
 * Up to `limit` due entries of live journeys — timers that fired, released waits, and runs whose
 * worker's lease ran out — claimed until `leaseUntil`, oldest due first. From the live journeys
 * (a small table) into each one's (workspace, journey, dueAt) index, so entries of paused journeys
 * are never read (EXPLAIN ANALYZE, PostgreSQL 15, 200k due entries of a paused journey: 95 ms with a
 * (dueAt) index and a join, 0.1 ms so). Rows locked in a journey beyond the outer LIMIT are only
 * held until this statement commits. MATERIALIZED for the reason the delivery claim gives
 * (lib/delivery/worker/sql.ts): the locking subquery must run exactly once.
 */
export const claimEntriesSql = (limit: number, leaseUntil: Date, workerId: string, now: Date) => Prisma.sql`
  WITH due AS MATERIALIZED (
    SELECT d."workspaceId", d."id" FROM "Journey" j
    CROSS JOIN LATERAL (
      SELECT x."workspaceId", x."id", x."dueAt" FROM "JourneyEntry" x
      WHERE x."workspaceId" = j."workspaceId" AND x."journeyId" = j."id" AND x."dueAt" <= ${now}::timestamp
        AND x."state" IN ('active', 'waiting') AND (x."leaseUntil" IS NULL OR x."leaseUntil" < ${now}::timestamp)
      ORDER BY x."dueAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) d
    WHERE j."status" = 'live'
    ORDER BY d."dueAt"
    LIMIT ${limit}
  )
  UPDATE "JourneyEntry" x SET "leaseUntil" = ${leaseUntil}::timestamp, "lockedBy" = ${workerId}
  FROM due
  WHERE x."workspaceId" = due."workspaceId" AND x."id" = due."id"
  RETURNING ${claimedColumns}`;

/**
 * The run's fence: the entry, locked, if this claim still holds it and it is still in the journey
 * (an event may have exited it, or another worker taken over after the lease ran out).
 */
export const lockClaimedEntrySql = (workspaceId: string, id: string, leaseUntil: Date, workerId: string) =>
  Prisma.sql`
  SELECT ${claimedColumns} FROM "JourneyEntry" x
  WHERE x."workspaceId" = ${workspaceId} AND x."id" = ${id} AND x."leaseUntil" = ${leaseUntil}::timestamp
    AND x."lockedBy" = ${workerId} AND x."state" IN ('active', 'waiting')
  FOR UPDATE`;

export type StepRow = {
  workspaceId: string;
  entryId: string;
  nodeId: string;
  kind: string;
  exit: string | null;
  outcome: string;
  skipReason: string | null;
  messageId: string | null;
  at: Date;
};

/** Records a step unless it was recorded before; returns a row only when this call wrote it. */
export const insertStepSql = (s: StepRow) => Prisma.sql`
  INSERT INTO "JourneyStep" ("workspaceId", "entryId", "nodeId", "kind", "exit", "outcome", "skipReason", "messageId", "at")
  VALUES (${s.workspaceId}, ${s.entryId}, ${s.nodeId}, ${s.kind}, ${s.exit}, ${s.outcome}, ${s.skipReason},
          ${s.messageId}, ${s.at}::timestamp)
  ON CONFLICT ("workspaceId", "entryId", "nodeId") DO NOTHING
  RETURNING "nodeId"`;

/**
 * A send step's Message, queued now on the step's campaign with the entry's event as its context;
 * the occurrence is the entry, so the Message's own unique key also holds one per entry and campaign.
 */
export const enqueueStepMessageSql = (m: {
  workspaceId: string;
  id: string;
  campaignId: string;
  profileId: string;
  entryId: string;
  channel: string;
  now: Date;
}) => Prisma.sql`
  INSERT INTO "Message"
    ("workspaceId", "id", "campaignId", "profileId", "occurrence", "channel", "status", "sendAfter", "context")
  SELECT ${m.workspaceId}, ${m.id}, ${m.campaignId}, ${m.profileId}, ${`entry:${m.entryId}`}, ${m.channel}, 'queued',
    ${m.now}::timestamp, x."context"
  FROM "JourneyEntry" x WHERE x."workspaceId" = ${m.workspaceId} AND x."id" = ${m.entryId}
  ON CONFLICT ("workspaceId", "campaignId", "profileId", "occurrence") DO NOTHING`;

/** An update-trait step: one key merged into the profile's traits. */
export const mergeTraitSql = (workspaceId: string, profileId: string, key: string, value: unknown, now: Date) =>
  Prisma.sql`
  UPDATE "Profile" SET "traits" = "traits" || jsonb_build_object(${key}::text, ${JSON.stringify(value)}::jsonb),
    "updatedAt" = ${now}::timestamp
  WHERE "workspaceId" = ${workspaceId} AND "id" = ${profileId}`;
