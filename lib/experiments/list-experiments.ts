import { db } from "@/lib/db/client";
import { metricSchema, type ExperimentStatus, type Metric } from "./schema";
import { exposedUnitsSql } from "./sql";

export type ExperimentListItem = {
  id: string;
  name: string;
  status: ExperimentStatus;
  primaryMetric: Metric;
  variants: number;
  holdoutShare: number;
  exposures: number;
  decision: string | null;
  shippedVariantKey: string | null;
  campaignName: string | null;
  startedAt: string | null;
  updatedAt: string;
};

/**
 * The workspace's experiments, most recently changed first, with their exposed profiles: from the
 * readout statistics ("#n" + "#multiple" units, which the worker keeps at most one round behind the
 * exposures) once those are built, counted from the exposures before that. Not a count of every
 * exposure row per experiment on each read (~280 ms for two tests at 1M profiles).
 */
export async function listExperiments(workspaceId: string): Promise<ExperimentListItem[]> {
  const experiments = await db.experiment.findMany({
    where: { workspaceId },
    orderBy: { updatedAt: "desc" },
    include: { _count: { select: { variants: true } } },
  });
  const built = experiments.filter((e) => e.readoutBuiltAt !== null).map((e) => e.id);
  const unbuilt = experiments.filter((e) => e.readoutBuiltAt === null).map((e) => e.id);
  const [campaigns, fromStatistics, fromExposures] = await Promise.all([
    db.campaign.findMany({
      where: { workspaceId, experimentId: { in: experiments.map((e) => e.id) } },
      select: { experimentId: true, name: true },
    }),
    built.length > 0
      ? db.$queryRaw<{ experimentId: string; units: number }[]>(exposedUnitsSql(workspaceId, built))
      : [],
    unbuilt.length > 0
      ? db.exposure.groupBy({
          by: ["experimentId"],
          where: { workspaceId, experimentId: { in: unbuilt } },
          _count: { _all: true },
        })
      : [],
  ]);
  const campaignOf = new Map(campaigns.map((c) => [c.experimentId, c.name]));
  const exposures = new Map<string, number>([
    ...fromStatistics.map((r) => [r.experimentId, r.units] as const),
    ...fromExposures.map((r) => [r.experimentId, r._count._all] as const),
  ]);
  return experiments.map((e) => ({
    id: e.id,
    name: e.name,
    status: e.status as ExperimentStatus,
    primaryMetric: metricSchema.parse(e.primaryMetric),
    variants: e._count.variants,
    holdoutShare: e.holdoutShare,
    exposures: exposures.get(e.id) ?? 0,
    decision: e.decision,
    shippedVariantKey: e.shippedVariantKey,
    campaignName: campaignOf.get(e.id) ?? null,
    startedAt: e.startedAt?.toISOString() ?? null,
    updatedAt: e.updatedAt.toISOString(),
  }));
}
