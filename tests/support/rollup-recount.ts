import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { isActivity } from "@/lib/profiles/activity";

export type DailyCount = { profileId: string; name: string; day: Date; count: number };
export type TotalCount = { profileId: string; name: string; count: number; firstDay: Date; lastDay: Date };
export type Activity = { profileId: string; firstDay: string; days: string; firstWeek: string; weeks: string };

const DAY = 86_400_000;
const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY;
const monday = (n: number) => n - ((new Date(n * DAY).getUTCDay() + 6) % 7);
const isoDay = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
/** '0'/'1' per unit from the smallest of `units` to the largest. */
const bits = (units: number[]) => {
  const first = Math.min(...units);
  const out = Array.from({ length: Math.max(...units) - first + 1 }, () => "0");
  for (const u of units) out[u - first] = "1";
  return out.join("");
};

/** ProfileActivity as stored, and as written out from each profile's active days in its raw events. */
export async function activityAndRecount(workspaceId: string) {
  const stored = await db.$queryRaw<Activity[]>(Prisma.sql`
    SELECT "profileId", to_char("firstDay", 'YYYY-MM-DD') AS "firstDay", "days"::text AS "days", to_char("firstWeek", 'YYYY-MM-DD') AS "firstWeek", "weeks"::text AS "weeks"
    FROM "ProfileActivity" WHERE "workspaceId" = ${workspaceId} ORDER BY "profileId" COLLATE "C"`);
  const events = await db.$queryRaw<{ profileId: string; name: string; day: string }[]>(Prisma.sql`
    SELECT DISTINCT "profileId", "name", to_char("occurredAt", 'YYYY-MM-DD') AS "day" FROM "Event" WHERE "workspaceId" = ${workspaceId}`);
  const days = new Map<string, number[]>();
  for (const e of events)
    if (isActivity(e.name)) days.set(e.profileId, [...(days.get(e.profileId) ?? []), dayNumber(e.day)]);
  const recounted = [...days]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([profileId, ds]): Activity => ({
      profileId,
      firstDay: isoDay(Math.min(...ds)),
      days: bits(ds),
      firstWeek: isoDay(monday(Math.min(...ds))),
      // Day 4 (1970-01-05) is a Monday: week numbers counted from it are whole.
      weeks: bits(ds.map((d) => (monday(d) - 4) / 7)),
    }));
  return { stored, recounted };
}

/**
 * ProfileEventDaily and ProfileEventTotal as stored, and as recounted from the raw events
 * (identity calls are never rolled up).
 */
export async function rollupsAndRecount(workspaceId: string) {
  const fromRollup = await db.$queryRaw<DailyCount[]>(Prisma.sql`
    SELECT "profileId", "name", "day", "count" FROM "ProfileEventDaily" WHERE "workspaceId" = ${workspaceId} ORDER BY 1, 2, 3`);
  const fromEvents = await db.$queryRaw<DailyCount[]>(Prisma.sql`
    SELECT "profileId", "name", "occurredAt"::date AS "day", count(*)::int AS "count" FROM "Event"
    WHERE "workspaceId" = ${workspaceId} AND left("name", 1) <> '$' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);
  const totals = await db.$queryRaw<TotalCount[]>(Prisma.sql`
    SELECT "profileId", "name", "count", "firstDay", "lastDay" FROM "ProfileEventTotal" WHERE "workspaceId" = ${workspaceId} ORDER BY 1, 2`);
  const totalsFromEvents = await db.$queryRaw<TotalCount[]>(Prisma.sql`
    SELECT "profileId", "name", count(*)::int AS "count", min("occurredAt")::date AS "firstDay", max("occurredAt")::date AS "lastDay" FROM "Event"
    WHERE "workspaceId" = ${workspaceId} AND left("name", 1) <> '$' GROUP BY 1, 2 ORDER BY 1, 2`);
  return { fromRollup, fromEvents, totals, totalsFromEvents };
}
