import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Dependent } from "./dependents";

/**
 * Campaigns matching `where`, each as what a marketer knows it as: a campaign, or the experiment
 * that created it to send its variants (once per experiment).
 */
export async function campaignsWhere(workspaceId: string, where: Prisma.CampaignWhereInput): Promise<Dependent[]> {
  const campaigns = await db.campaign.findMany({
    where: { workspaceId, ...where },
    select: { id: true, name: true, status: true, experimentId: true },
    orderBy: { name: "asc" },
  });
  const experimentIds = campaigns.flatMap((c) => (c.experimentId ? [c.experimentId] : []));
  const experiments =
    experimentIds.length > 0 ? await experimentsWhere(workspaceId, { id: { in: experimentIds } }) : [];
  return [
    ...campaigns
      .filter((c) => !c.experimentId)
      .map((c) => ({ kind: "campaign" as const, id: c.id, name: c.name, status: c.status })),
    ...experiments,
  ];
}

export async function experimentsWhere(workspaceId: string, where: Prisma.ExperimentWhereInput): Promise<Dependent[]> {
  const rows = await db.experiment.findMany({
    where: { workspaceId, ...where },
    select: { id: true, name: true, status: true },
    orderBy: { name: "asc" },
  });
  return rows.map((e) => ({ kind: "experiment", id: e.id, name: e.name, status: e.status }));
}

/** Campaigns whose audience is this segment or persona, drafts and finished sends included. */
export const campaignsTargeting = (workspaceId: string, audience: { kind: "segment" | "persona"; id: string }) =>
  campaignsWhere(workspaceId, {
    AND: [{ audience: { path: ["kind"], equals: audience.kind } }, { audience: { path: ["id"], equals: audience.id } }],
  });
