import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError, conflict, notFound } from "@/lib/http/errors";
import { estimateLaunch } from "./estimate-launch";
import { launchRecordOf } from "./launch-estimate";

/** Launches a campaign (lib/delivery's launchCampaign); passed in so the experiment owns no delivery code. */
export type CampaignLauncher = (actor: Actor, campaignId: string) => Promise<unknown>;

/**
 * Launching an experiment is launching its campaign: the experiment turns "running" (startedAt set,
 * audited), then the campaign launches and the sender assigns arms and records exposures. A launch
 * that would expose nobody is refused (409 with the reason, nothing written) — an A/B test that
 * reaches nobody reads "keep running" for ever. The estimate is kept on the experiment for the
 * readout's health panel. When the campaign launch fails the experiment goes back to draft, so
 * nothing claims to run that does not. Without a launcher (delivery not installed) the experiment
 * runs and its campaign stays as it is.
 */
export async function launchExperiment(
  actor: Actor,
  experimentId: string,
  launchCampaign: CampaignLauncher | null,
  now = new Date(),
) {
  const where = { workspaceId_id: { workspaceId: actor.workspaceId, id: experimentId } };
  const draft = await db.experiment.findUnique({ where, select: { status: true } });
  if (!draft) throw notFound("The experiment");
  if (draft.status !== "draft") throw conflict(`This experiment is already ${draft.status}.`);
  const estimate = await estimateLaunch(actor.workspaceId, experimentId, now);
  if (estimate.refusal) throw new AppError(409, "no_reach", estimate.refusal, undefined, undefined, { estimate });
  const launchEstimate = launchRecordOf(estimate);
  const { campaignId, startedAt } = await db.$transaction(async (tx) => {
    const experiment = await tx.experiment.findUnique({ where, select: { status: true, startedAt: true } });
    if (!experiment) throw notFound("The experiment");
    if (experiment.status !== "draft") throw conflict(`This experiment is already ${experiment.status}.`);
    const campaign = await tx.campaign.findUnique({ where: { experimentId }, select: { id: true, workspaceId: true } });
    if (!campaign || campaign.workspaceId !== actor.workspaceId)
      throw new AppError(
        409,
        "no_campaign",
        "This experiment has no campaign to send it; create the experiment again.",
      );
    const startedAt = experiment.startedAt ?? now;
    await tx.experiment.update({ where, data: { status: "running", startedAt, launchEstimate } });
    await recordAudit(tx, actor, {
      action: "experiment.launched",
      entityType: "experiment",
      entityId: experimentId,
      after: { campaignId: campaign.id, startedAt: startedAt.toISOString(), estimate: launchEstimate },
    });
    return { campaignId: campaign.id, startedAt };
  });
  if (!launchCampaign)
    return { id: experimentId, campaignId, startedAt: startedAt.toISOString(), campaignLaunched: false, estimate };
  try {
    await launchCampaign(actor, campaignId);
  } catch (error) {
    await db.experiment.update({ where, data: { status: "draft", launchEstimate: Prisma.DbNull } });
    throw error;
  }
  return { id: experimentId, campaignId, startedAt: startedAt.toISOString(), campaignLaunched: true, estimate };
}
