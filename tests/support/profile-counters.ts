import { db } from "@/lib/db/client";
import type { Counts } from "@/lib/profiles/ingest/running-counts";

/** A profile's running counts as ProfileCounter holds them: views per category, activity per local hour. */
export type ProfileCounts = { categoryViews: Counts; hourCounts: Counts };

/** The running counts of the workspace's profiles (or one; those without counters absent), by profile id. */
export async function profileCounters(workspaceId: string, profileId?: string): Promise<Record<string, ProfileCounts>> {
  const rows = await db.profileCounter.findMany({
    where: { workspaceId, ...(profileId === undefined ? {} : { profileId }) },
    orderBy: [{ profileId: "asc" }, { kind: "asc" }, { key: "asc" }],
  });
  const byProfile: Record<string, ProfileCounts> = {};
  for (const row of rows) {
    const counts = (byProfile[row.profileId] ??= { categoryViews: {}, hourCounts: {} });
    (row.kind === "category" ? counts.categoryViews : counts.hourCounts)[row.key] = row.count;
  }
  return byProfile;
}

/** One profile's running counts (empty when it has none). */
export async function countersOf(workspaceId: string, profileId: string): Promise<ProfileCounts> {
  return (await profileCounters(workspaceId, profileId))[profileId] ?? { categoryViews: {}, hourCounts: {} };
}
