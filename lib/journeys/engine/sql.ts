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

/** A claimed entry under its run's lock, with what its steps read of its profile (all null: the profile was deleted). */
export type HeldEntry = ClaimedEntry & {
  profileFound: boolean;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  traits: unknown;
  consent: unknown;
  subscriptions: unknown;
  timezone: string | null;
  activeHour: number | null;
};

/**
 * A group run's fence: of these entries, the ones this claim still holds and that are still in the
 * journey (an event may have exited one, or another worker taken over after the lease ran out),
 * locked in id order — so two runs never wait on each other in a cycle — and read again under the
 * lock (an event may have released a wait since the claim), each with its profile.
 */
export const lockClaimedEntriesSql = (
  workspaceId: string,
  ids: readonly string[],
  leaseUntil: Date,
  workerId: string,
) =>
  Prisma.sql`
  SELECT ${claimedColumns}, p."id" IS NOT NULL AS "profileFound", p."email", p."phone", p."externalId", p."traits",
    p."consent", p."subscriptions", p."timezone", p."activeHour"
  FROM "JourneyEntry" x
  LEFT JOIN "Profile" p ON p."workspaceId" = x."workspaceId" AND p."id" = x."profileId"
  WHERE x."workspaceId" = ${workspaceId} AND x."id" = ANY (${ids}::text[]) AND x."leaseUntil" = ${leaseUntil}::timestamp
    AND x."lockedBy" = ${workerId} AND x."state" IN ('active', 'waiting')
  ORDER BY x."id"
  FOR UPDATE OF x`;

/** One step's record for one entry; the step's node, kind and time are the group's. */
export type StepRow = {
  entryId: string;
  exit: string | null;
  outcome: string;
  skipReason: string | null;
  messageId: string | null;
};

/**
 * Records one step for a set of entries, skipping those that recorded it before; returns the
 * entries this statement wrote, whose step effects are then this run's to perform.
 */
export const insertStepsSql = (
  s: { workspaceId: string; nodeId: string; kind: string; at: Date },
  rows: readonly StepRow[],
) => Prisma.sql`
  INSERT INTO "JourneyStep" ("workspaceId", "entryId", "nodeId", "kind", "exit", "outcome", "skipReason", "messageId", "at")
  SELECT ${s.workspaceId}, u.entry_id, ${s.nodeId}, ${s.kind}, u.exit, u.outcome, u.skip_reason, u.message_id,
    ${s.at}::timestamp
  FROM unnest(${rows.map((r) => r.entryId)}::text[], ${rows.map((r) => r.exit)}::text[],
              ${rows.map((r) => r.outcome)}::text[], ${rows.map((r) => r.skipReason)}::text[],
              ${rows.map((r) => r.messageId)}::text[]) AS u(entry_id, exit, outcome, skip_reason, message_id)
  ON CONFLICT ("workspaceId", "entryId", "nodeId") DO NOTHING
  RETURNING "entryId"`;

/** What earlier runs recorded for these entries at one step (by JourneyStep's primary key). */
export const recordedStepsSql = (workspaceId: string, nodeId: string, entryIds: readonly string[]) => Prisma.sql`
  SELECT s."entryId", s."exit", s."outcome" FROM "JourneyStep" s
  WHERE s."workspaceId" = ${workspaceId} AND s."entryId" = ANY (${entryIds}::text[]) AND s."nodeId" = ${nodeId}`;

/**
 * A send step's Messages, queued now on the step's campaign, each with its entry's event as its
 * context; the occurrence is the entry, so the Message's own unique key also holds one per entry
 * and campaign.
 */
export const enqueueStepMessagesSql = (
  m: { workspaceId: string; campaignId: string; channel: string; now: Date },
  messages: readonly { id: string; entryId: string }[],
) => Prisma.sql`
  INSERT INTO "Message"
    ("workspaceId", "id", "campaignId", "profileId", "occurrence", "channel", "status", "sendAfter", "context")
  SELECT ${m.workspaceId}, u.id, ${m.campaignId}, x."profileId", 'entry:' || x."id", ${m.channel}, 'queued',
    ${m.now}::timestamp, x."context"
  FROM unnest(${messages.map((r) => r.id)}::text[], ${messages.map((r) => r.entryId)}::text[]) AS u(id, entry_id)
  JOIN "JourneyEntry" x ON x."workspaceId" = ${m.workspaceId} AND x."id" = u.entry_id
  ON CONFLICT ("workspaceId", "campaignId", "profileId", "occurrence") DO NOTHING`;

/**
 * An update-trait step: one key merged into these profiles' traits, the rows locked in id order
 * first so that two runs updating overlapping profiles cannot deadlock each other.
 */
export const mergeTraitsSql = (
  workspaceId: string,
  profileIds: readonly string[],
  key: string,
  value: unknown,
  now: Date,
) => Prisma.sql`
  WITH locked AS (
    SELECT p."id" FROM "Profile" p
    WHERE p."workspaceId" = ${workspaceId} AND p."id" = ANY (${profileIds}::text[])
    ORDER BY p."id"
    FOR UPDATE
  )
  UPDATE "Profile" p SET "traits" = p."traits" || jsonb_build_object(${key}::text, ${JSON.stringify(value)}::jsonb),
    "updatedAt" = ${now}::timestamp
  FROM locked
  WHERE p."workspaceId" = ${workspaceId} AND p."id" = locked."id"`;

/** The open and click times of the Message each entry's send step `sendNodeId` queued (none when it was skipped). */
export const stepMessagesSql = (workspaceId: string, sendNodeId: string, entryIds: readonly string[]) => Prisma.sql`
  SELECT s."entryId", m."openedAt", m."clickedAt" FROM "JourneyStep" s
  JOIN "Message" m ON m."workspaceId" = s."workspaceId" AND m."id" = s."messageId"
  WHERE s."workspaceId" = ${workspaceId} AND s."entryId" = ANY (${entryIds}::text[]) AND s."nodeId" = ${sendNodeId}`;

/** Where a run leaves an entry: waiting in a wait step until dueAt (for waitingFor, or a timer), or exited. */
export type Placement =
  | { id: string; nodeId: string; state: "waiting"; dueAt: Date; waitingFor: string | null }
  | { id: string; nodeId: string; state: "exited"; exitReason: string };

/** The group's entries at their new steps, their lease cleared. */
export const placeEntriesSql = (workspaceId: string, placements: readonly Placement[], now: Date) => Prisma.sql`
  UPDATE "JourneyEntry" x SET
    "nodeId" = u.node_id,
    "state" = u.state,
    "dueAt" = u.due_at::timestamp,
    "waitingFor" = u.waiting_for,
    "eventAt" = CASE WHEN u.state = 'waiting' THEN NULL ELSE x."eventAt" END,
    "exitReason" = CASE WHEN u.state = 'exited' THEN u.exit_reason ELSE x."exitReason" END,
    "exitedAt" = CASE WHEN u.state = 'exited' THEN ${now}::timestamp ELSE x."exitedAt" END,
    "leaseUntil" = NULL,
    "lockedBy" = NULL
  FROM unnest(${placements.map((p) => p.id)}::text[], ${placements.map((p) => p.nodeId)}::text[],
              ${placements.map((p) => p.state)}::text[],
              ${placements.map((p) => (p.state === "waiting" ? p.dueAt.toISOString() : null))}::text[],
              ${placements.map((p) => (p.state === "waiting" ? p.waitingFor : null))}::text[],
              ${placements.map((p) => (p.state === "exited" ? p.exitReason : null))}::text[])
    AS u(id, node_id, state, due_at, waiting_for, exit_reason)
  WHERE x."workspaceId" = ${workspaceId} AND x."id" = u.id`;
