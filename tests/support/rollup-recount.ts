import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export type DailyCount = { profileId: string; name: string; day: Date; count: number };
export type TotalCount = { profileId: string; name: string; count: number; firstDay: Date; lastDay: Date };

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
