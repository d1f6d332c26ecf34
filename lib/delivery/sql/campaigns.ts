import { Prisma } from "@/lib/generated/prisma/client";
import { personaJoinSql } from "@/lib/personas/sql";
import { profileScopeSql, type ProfileScope } from "@/lib/profiles/ingest/sql";
import type { CampaignSchedule } from "../schema";

// Campaign audiences and the Message rows a launch, a recurrence or a trigger writes.

/** Every profile of the workspace, as an audience statement (column "id"). */
export const everyoneSql = (workspaceId: string) =>
  Prisma.sql`SELECT p."id" FROM "Profile" p WHERE p."workspaceId" = ${workspaceId}`;

/**
 * Each profile's send time for an occurrence starting at `start`: a fixed instant, the same wall
 * clock in the profile's timezone (the default for none or an unknown name; PostgreSQL's tz rules
 * handle DST), or the profile's most active hour that day in its timezone. Reads profile `p` and
 * its zone's row `tz` (of pg_timezone_names).
 */
export function sendAfterSql(
  schedule: CampaignSchedule,
  occurrenceKey: string,
  start: Date,
  defaultTimezone: string,
): Prisma.Sql {
  const zone = Prisma.sql`coalesce(tz."name", ${defaultTimezone})`;
  if (schedule.kind === "local_time")
    return Prisma.sql`((${schedule.date}::date + ${schedule.time}::time) AT TIME ZONE ${zone}) AT TIME ZONE 'UTC'`;
  if (schedule.kind === "recurring" && schedule.localTime)
    return Prisma.sql`((${occurrenceKey}::date + ${schedule.time}::time) AT TIME ZONE ${zone}) AT TIME ZONE 'UTC'`;
  if (schedule.kind === "best_hour") {
    // activeHour is an hour of the profile's local day (computed on ingest in its timezone).
    const hour = Prisma.sql`CASE WHEN p."activeHour" IS NULL THEN ${schedule.fallbackTime}::time
      ELSE make_time(p."activeHour", 0, 0) END`;
    return Prisma.sql`((${schedule.date}::date + ${hour}) AT TIME ZONE ${zone}) AT TIME ZONE 'UTC'`;
  }
  return Prisma.sql`${start}::timestamp`;
}

/** One queued Message per audience profile for an occurrence (idempotent); its one row is the count added, "n". */
export const enqueueOccurrenceSql = (m: {
  workspaceId: string;
  campaignId: string;
  channel: string;
  occurrenceKey: string;
  audience: Prisma.Sql;
  /** personaAssignmentSql's: each row carries the profile's persona now. */
  personas: Prisma.Sql | null;
  sendAfter: Prisma.Sql;
  /** The profiles this statement covers: one id range of the audience (null: all of it). */
  profiles?: ProfileScope;
}) => Prisma.sql`
  WITH tz AS MATERIALIZED (SELECT "name" FROM pg_timezone_names), added AS (
  INSERT INTO "Message"
    ("workspaceId", "id", "campaignId", "profileId", "occurrence", "channel", "personaId", "status", "sendAfter")
  SELECT ${m.workspaceId}, gen_random_uuid()::text, ${m.campaignId}, p."id", ${m.occurrenceKey}, ${m.channel},
         pa."personaId", 'queued', ${m.sendAfter}
  FROM (${m.audience}) a
  JOIN "Profile" p ON p."workspaceId" = ${m.workspaceId} AND p."id" = a."id"
    ${profileScopeSql(m.profiles ?? null, Prisma.sql`p."id"`)}
  LEFT JOIN tz ON tz."name" = p."timezone"
  ${personaJoinSql(m.personas, Prisma.sql`p."id"`)}
  ON CONFLICT ("workspaceId", "campaignId", "profileId", "occurrence") DO NOTHING
  RETURNING 1)
  SELECT count(*)::int AS n FROM added`;

/** A triggered send: the profile, the occurrence key, when it is due and the triggering event (JSON). */
export type TriggeredSend = { profileId: string; occurrence: string; sendAfter: string; context: string };

/** Queued Messages for the events that fired a trigger, among `audience` (null: everyone); returns their ids. */
export function enqueueTriggeredSql(
  workspaceId: string,
  campaign: { id: string; channel: string },
  sends: readonly TriggeredSend[],
  audience: Prisma.Sql | null,
): Prisma.Sql {
  const inAudience = audience
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM (${audience}) a WHERE a."id" = u.profile_id)`
    : Prisma.empty;
  return Prisma.sql`
    INSERT INTO "Message"
      ("workspaceId", "id", "campaignId", "profileId", "occurrence", "channel", "status", "sendAfter", "context")
    SELECT ${workspaceId}, gen_random_uuid()::text, ${campaign.id}, u.profile_id, u.occurrence, ${campaign.channel},
      'queued', u.send_after::timestamp, u.context::jsonb
    FROM unnest(${sends.map((s) => s.profileId)}::text[], ${sends.map((s) => s.occurrence)}::text[],
                ${sends.map((s) => s.sendAfter)}::text[], ${sends.map((s) => s.context)}::text[])
      AS u(profile_id, occurrence, send_after, context)
    WHERE true ${inAudience}
    ON CONFLICT ("workspaceId", "campaignId", "profileId", "occurrence") DO NOTHING
    RETURNING "id"`;
}

/**
 * One queued Message per audience profile whose last day with one of `activityEvents` is before
 * `cutoff` (a date), keyed by that day; its one row is the count added, "n".
 */
export const enqueueInactiveSql = (m: {
  workspaceId: string;
  campaignId: string;
  channel: string;
  activityEvents: readonly string[];
  cutoff: string;
  now: Date;
  audience: Prisma.Sql;
  personas: Prisma.Sql | null;
}) => Prisma.sql`
  WITH last_active AS (
    SELECT t."profileId" AS profile_id, max(t."lastDay") AS day FROM "ProfileEventTotal" t
    WHERE t."workspaceId" = ${m.workspaceId} AND t."name" IN (${Prisma.join(m.activityEvents)})
    GROUP BY 1 HAVING max(t."lastDay") < ${m.cutoff}::date
  ), added AS (
    INSERT INTO "Message"
      ("workspaceId", "id", "campaignId", "profileId", "occurrence", "channel", "personaId", "status", "sendAfter",
       "context")
    SELECT ${m.workspaceId}, gen_random_uuid()::text, ${m.campaignId}, l.profile_id, 'inactive-since:' || l.day::text,
           ${m.channel}, pa."personaId", 'queued', ${m.now}::timestamp,
           jsonb_build_object('name', 'inactivity', 'occurredAt', to_char(l.day + 1, 'YYYY-MM-DD"T"00:00:00"Z"'),
                              'properties', jsonb_build_object('lastActiveDay', l.day::text))
    FROM last_active l
    JOIN (${m.audience}) a ON a."id" = l.profile_id
    ${personaJoinSql(m.personas, Prisma.sql`l.profile_id`)}
    ON CONFLICT ("workspaceId", "campaignId", "profileId", "occurrence") DO NOTHING
    RETURNING 1)
  SELECT count(*)::int AS n FROM added`;

// --- Progress ----------------------------------------------------------------------------------

/** Messages per campaign and status. */
export const messageStatusCountsSql = (workspaceId: string, campaignIds: readonly string[]) => Prisma.sql`
  SELECT "campaignId", "status", count(*)::int AS n FROM "Message"
  WHERE "workspaceId" = ${workspaceId} AND "campaignId" IN (${Prisma.join(campaignIds)}) GROUP BY 1, 2`;

/** Skipped messages per campaign and reason, most frequent first. */
export const skipReasonCountsSql = (workspaceId: string, campaignIds: readonly string[]) => Prisma.sql`
  SELECT "campaignId", "skipReason" AS reason, count(*)::int AS n FROM "Message"
  WHERE "workspaceId" = ${workspaceId} AND "campaignId" IN (${Prisma.join(campaignIds)}) AND "status" = 'skipped'
  GROUP BY 1, 2 ORDER BY 3 DESC`;

/** Each campaign's message funnel so far, from MessageDaily. */
export const campaignFunnelSql = (workspaceId: string, campaignIds: readonly string[]) => Prisma.sql`
  SELECT "campaignId", sum("sent")::int AS sent, sum("delivered")::int AS delivered, sum("opened")::int AS opened,
         sum("clicked")::int AS clicked, sum("converted")::int AS converted, sum("unsubscribed")::int AS unsubscribed
  FROM "MessageDaily" WHERE "workspaceId" = ${workspaceId} AND "campaignId" IN (${Prisma.join(campaignIds)})
  GROUP BY 1`;
