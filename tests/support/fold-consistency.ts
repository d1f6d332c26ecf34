import { isDeepStrictEqual } from "node:util";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { recomputeTraitsSql } from "@/lib/profiles/ingest/sql";
import { profileCounters } from "./profile-counters";
import { activityAndRecount, rollupsAndRecount } from "./rollup-recount";

const TRAITS = Prisma.sql`"id", "ordersCount", "ltv"::text AS "ltv", "aov"::text AS "aov", "firstSeenAt", "lastSeenAt",
  "lastPurchaseAt", "favouriteCategory", "activeHour"`;
const computedTraits = async (workspaceId: string) => ({
  profiles: await db.$queryRaw<Record<string, unknown>[]>(
    Prisma.sql`SELECT ${TRAITS} FROM "Profile" WHERE "workspaceId" = ${workspaceId} ORDER BY "id"`,
  ),
  counters: await profileCounters(workspaceId),
});

export type Mismatch = { part: string; stored: unknown; recounted: unknown };

/**
 * What the fold keeps incrementally — daily and total rollups, activity bitmaps, active days, computed
 * traits and running counters — against a recomputation from the workspace's raw events: the parts
 * that differ (none when the fold was exact). Recomputes the traits in place (a no-op when they agree).
 * The oracle of the intake property test and of bench/ingest-crash.ts.
 */
export async function foldMismatches(workspaceId: string): Promise<Mismatch[]> {
  const parts: Mismatch[] = [];
  const rollups = await rollupsAndRecount(workspaceId);
  parts.push({ part: "ProfileEventDaily", stored: rollups.fromRollup, recounted: rollups.fromEvents });
  parts.push({ part: "ProfileEventTotal", stored: rollups.totals, recounted: rollups.totalsFromEvents });
  const activity = await activityAndRecount(workspaceId);
  parts.push({ part: "ProfileActivity", stored: activity.stored, recounted: activity.recounted });
  parts.push({
    part: "ProfileActiveDay",
    stored: await db.$queryRaw(Prisma.sql`
      SELECT "profileId", "day" FROM "ProfileActiveDay" WHERE "workspaceId" = ${workspaceId} ORDER BY 1, 2`),
    recounted: await db.$queryRaw(Prisma.sql`
      SELECT DISTINCT "profileId", "occurredAt"::date AS "day" FROM "Event"
      WHERE "workspaceId" = ${workspaceId} AND left("name", 1) <> '$' AND "name" <> 'message_delivered' ORDER BY 1, 2`),
  });
  const folded = await computedTraits(workspaceId);
  await db.$executeRaw(recomputeTraitsSql(workspaceId, null));
  parts.push({ part: "computed traits and counters", stored: folded, recounted: await computedTraits(workspaceId) });
  return parts.filter((p) => !isDeepStrictEqual(p.stored, p.recounted));
}
