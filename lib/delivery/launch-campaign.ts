import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { asJsonInput } from "@/lib/db/json-object";
import { loadPolicy } from "@/lib/delivery/policy/load-policy";
import { nextOccurrence } from "./schedule";
import { forgetTriggers } from "./triggers";
import { campaignScheduleSchema } from "./schema";

/**
 * Launches a draft campaign: pins the template's published version (a later publish never changes
 * what a running campaign sends), then hands it to the scheduler — "scheduled" with the first
 * occurrence's time ("now" means the worker's next round, about a second), or "sending" at once
 * for a triggered campaign, which then sends whenever its event arrives.
 */
export async function launchCampaign(actor: Actor, campaignId: string, { forExperiment = false } = {}) {
  const workspaceId = actor.workspaceId;
  const campaign = await db.campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  if (!campaign) throw notFound("That campaign");
  // An experiment's campaign launches with its experiment, whose launch checks that anyone would be exposed.
  if (campaign.experimentId && !forExperiment) {
    throw new AppError(
      409,
      "launch_with_experiment",
      "This campaign sends an experiment: launch it from the experiment's page, which shows its reach per arm first.",
      "experimentId",
    );
  }
  if (campaign.status !== "draft")
    throw new AppError(
      409,
      "already_launched",
      `This campaign is ${campaign.status}: only a draft can be launched.`,
      "status",
    );
  let versionId: string | null = null;
  if (campaign.templateId) {
    const published = await db.templateVersion.findFirst({
      where: { workspaceId, templateId: campaign.templateId, status: "published" },
      select: { id: true },
    });
    if (!published)
      throw new AppError(
        422,
        "not_published",
        "Publish the template before launching: campaigns send published versions only.",
        "templateId",
      );
    versionId = published.id;
  } else if (!campaign.experimentId) {
    throw new AppError(422, "no_content", "Pick a template (or an experiment) to send.", "templateId");
  }
  const schedule = campaignScheduleSchema.parse(campaign.schedule);
  const now = new Date();
  const first = nextOccurrence(
    schedule,
    new Date(now.getTime() - 1),
    0,
    (await loadPolicy(workspaceId)).defaultTimezone,
  );
  if (schedule.kind !== "trigger" && !first)
    throw new AppError(
      422,
      "nothing_to_send",
      "The schedule has no occurrence left: its end date has passed.",
      "schedule",
    );
  if (first && schedule.kind === "at" && first.at.getTime() < now.getTime() - 60_000)
    throw new AppError(
      422,
      "in_the_past",
      "The send time has passed: pick a time in the future or send now.",
      "schedule.at",
    );
  const status = schedule.kind === "trigger" ? "sending" : "scheduled";
  // Inactivity is found by a periodic scan (lib/delivery/triggers.ts), which nextRunAt paces.
  const nextRunAt = schedule.kind === "trigger" ? (schedule.trigger.recipe === "inactivity" ? now : null) : first!.at;
  const launched = await db.$transaction(async (tx) => {
    const updated = await tx.campaign.updateMany({
      where: { workspaceId, id: campaignId, status: "draft" },
      data: { status, versionId, nextRunAt, launchedAt: now },
    });
    if (updated.count === 0)
      throw new AppError(409, "already_launched", "Someone launched this campaign a moment ago.", "status");
    if (campaign.experimentId)
      await tx.experiment.updateMany({
        where: { workspaceId, id: campaign.experimentId, status: "draft" },
        data: { status: "running", startedAt: now },
      });
    await recordAudit(tx, actor, {
      action: "campaign.launched",
      entityType: "campaign",
      entityId: campaignId,
      after: asJsonInput({ status, versionId, nextRunAt: nextRunAt?.toISOString() ?? null }),
    });
    return { id: campaignId, status, versionId, nextRunAt: nextRunAt?.toISOString() ?? null };
  });
  forgetTriggers(workspaceId);
  return launched;
}
