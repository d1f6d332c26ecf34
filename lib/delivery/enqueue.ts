import { Prisma } from "@/lib/generated/prisma/client";
import { personaAssignmentSql } from "@/lib/personas/assign-personas";
import { personaJoinSql } from "@/lib/personas/sql";
import { runSegmentQuery } from "@/lib/segments/run-query";
import { campaignAudienceSql } from "./audience";
import type { CampaignAudience, CampaignSchedule } from "./schema";

export type EnqueueTarget = {
  workspaceId: string;
  campaignId: string;
  channel: string;
  audience: CampaignAudience;
  schedule: CampaignSchedule;
  defaultTimezone: string;
};

/**
 * Each profile's send time for an occurrence starting at `start`: a fixed instant, the same wall
 * clock in the profile's timezone (the default for none or an unknown name; PostgreSQL's tz rules
 * handle DST), or the profile's most active hour that day in its timezone.
 */
function sendAfterSql(
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
    return Prisma.sql`((${schedule.date}::date + CASE WHEN p."activeHour" IS NULL THEN ${schedule.fallbackTime}::time ELSE make_time(p."activeHour", 0, 0) END) AT TIME ZONE ${zone}) AT TIME ZONE 'UTC'`;
  }
  return Prisma.sql`${start}::timestamp`;
}

/**
 * Writes one Message per audience profile for an occurrence, in one statement. The unique
 * (campaign, profile, occurrence) key makes it idempotent: enqueuing the same occurrence again
 * (a retried launch, two schedulers) adds nothing. Each row carries the profile's persona now,
 * MessageDaily's persona dimension. Returns how many rows it added.
 */
export async function enqueueOccurrence(target: EnqueueTarget, occurrenceKey: string, start: Date): Promise<number> {
  const { workspaceId, campaignId } = target;
  const audience = await campaignAudienceSql(workspaceId, target.audience, start);
  const personas = await personaAssignmentSql(workspaceId, start);
  const personaJoin = personaJoinSql(personas, Prisma.sql`p."id"`);
  const [row] = await runSegmentQuery<{ n: number }[]>(Prisma.sql`
    WITH tz AS MATERIALIZED (SELECT "name" FROM pg_timezone_names), added AS (
    INSERT INTO "Message" ("workspaceId", "id", "campaignId", "profileId", "occurrence", "channel", "personaId", "status", "sendAfter")
    SELECT ${workspaceId}, gen_random_uuid()::text, ${campaignId}, p."id", ${occurrenceKey}, ${target.channel}, pa."personaId", 'queued',
           ${sendAfterSql(target.schedule, occurrenceKey, start, target.defaultTimezone)}
    FROM (${audience}) a
    JOIN "Profile" p ON p."workspaceId" = ${workspaceId} AND p."id" = a."id"
    LEFT JOIN tz ON tz."name" = p."timezone"
    ${personaJoin}
    ON CONFLICT ("workspaceId", "campaignId", "profileId", "occurrence") DO NOTHING
    RETURNING 1)
    SELECT count(*)::int AS n FROM added`);
  return row?.n ?? 0;
}
