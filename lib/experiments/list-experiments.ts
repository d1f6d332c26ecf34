import { db } from "@/lib/db";
import { metricSchema, type ExperimentStatus, type Metric } from "./schema";

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

/** The workspace's experiments, most recently changed first, with their exposure counts. */
export async function listExperiments(workspaceId: string): Promise<ExperimentListItem[]> {
  const experiments = await db.experiment.findMany({
    where: { workspaceId },
    orderBy: { updatedAt: "desc" },
    include: { _count: { select: { variants: true, exposures: true } } },
  });
  const campaigns = await db.campaign.findMany({ where: { workspaceId, experimentId: { in: experiments.map((e) => e.id) } }, select: { experimentId: true, name: true } });
  const campaignOf = new Map(campaigns.map((c) => [c.experimentId, c.name]));
  return experiments.map((e) => ({
    id: e.id,
    name: e.name,
    status: e.status as ExperimentStatus,
    primaryMetric: metricSchema.parse(e.primaryMetric),
    variants: e._count.variants,
    holdoutShare: e.holdoutShare,
    exposures: e._count.exposures,
    decision: e.decision,
    shippedVariantKey: e.shippedVariantKey,
    campaignName: campaignOf.get(e.id) ?? null,
    startedAt: e.startedAt?.toISOString() ?? null,
    updatedAt: e.updatedAt.toISOString(),
  }));
}
