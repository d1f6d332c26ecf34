import { db } from "@/lib/db/client";
import type { JourneyListItem } from "./api-schema";
import type { JourneyStatus } from "./entry-states";
import { journeyCountsSql, type JourneyCountsRow } from "./sql";

/**
 * The workspace's journeys, most recently changed first, with their current version and how many
 * profiles entered, are in now and converted (over every version). Archived ones only when asked.
 */
export async function listJourneys(
  workspaceId: string,
  { archived = false }: { archived?: boolean } = {},
): Promise<JourneyListItem[]> {
  const journeys = await db.journey.findMany({
    where: { workspaceId, ...(archived ? {} : { status: { not: "archived" } }) },
    orderBy: { updatedAt: "desc" },
    select: { id: true, name: true, status: true, currentVersionId: true, updatedAt: true },
  });
  if (journeys.length === 0) return [];
  const ids = journeys.map((j) => j.id);
  const currentIds = journeys.flatMap((j) => (j.currentVersionId ? [j.currentVersionId] : []));
  const [versions, counts] = await Promise.all([
    db.journeyVersion.findMany({
      where: { workspaceId, id: { in: currentIds } },
      select: { id: true, version: true },
    }),
    db.$queryRaw<JourneyCountsRow[]>(journeyCountsSql(workspaceId, ids)),
  ]);
  const numberOf = new Map(versions.map((v) => [v.id, v.version]));
  const countsOf = new Map(counts.map((c) => [c.journeyId, c]));
  return journeys.map((j) => {
    const c = countsOf.get(j.id);
    return {
      id: j.id,
      name: j.name,
      status: j.status as JourneyStatus,
      version: j.currentVersionId ? (numberOf.get(j.currentVersionId) ?? null) : null,
      entered: c?.entered ?? 0,
      inJourney: c?.inJourney ?? 0,
      converted: c?.converted ?? 0,
      updatedAt: j.updatedAt.toISOString(),
    };
  });
}
