import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { forgetTriggers } from "./triggers";
import { hasWaitingMessages } from "./waiting-messages";

const TRANSITIONS = {
  // Pausing stops the worker claiming its messages; queued ones wait.
  pause: { from: ["scheduled", "sending"], to: "paused" },
  resume: { from: ["paused"], to: null },
  // Cancelling ends it for good: queued messages are marked cancelled, none will be sent.
  cancel: { from: ["draft", "scheduled", "sending", "paused"], to: "cancelled" },
} as const;

export type CampaignAction = keyof typeof TRANSITIONS;

/** Pause, resume or cancel a campaign (audited). Resume returns it to where it was: scheduled, or sending. */
export async function changeCampaignStatus(actor: Actor, campaignId: string, action: CampaignAction) {
  const workspaceId = actor.workspaceId;
  const campaign = await db.campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  if (!campaign) throw notFound("That campaign");
  const rule = TRANSITIONS[action];
  if (!(rule.from as readonly string[]).includes(campaign.status))
    throw new AppError(
      409,
      "invalid_transition",
      `A ${campaign.status} campaign cannot be ${action === "cancel" ? "cancelled" : `${action}d`}.`,
      "status",
    );
  const to = rule.to ?? (await resumedStatus(workspaceId, campaign));
  const changed = await db.$transaction(async (tx) => {
    await tx.campaign.update({
      where: { workspaceId_id: { workspaceId, id: campaignId } },
      data: { status: to, ...(to === "cancelled" ? { nextRunAt: null, completedAt: new Date() } : {}) },
    });
    if (to === "cancelled")
      await tx.message.updateMany({
        where: { workspaceId, campaignId, status: "queued" },
        data: { status: "cancelled", lastError: "The campaign was cancelled." },
      });
    await recordAudit(tx, actor, {
      action: `campaign.${action === "cancel" ? "cancelled" : `${action}d`}`,
      entityType: "campaign",
      entityId: campaignId,
      before: { status: campaign.status },
      after: { status: to },
    });
    return { id: campaignId, status: to };
  });
  forgetTriggers(workspaceId);
  return changed;
}

/**
 * Where a paused campaign goes back to: sending while it has messages waiting (or listens for a trigger), else
 * scheduled for its next occurrence, else sent.
 */
async function resumedStatus(
  workspaceId: string,
  campaign: { id: string; nextRunAt: Date | null; schedule: unknown },
): Promise<string> {
  const triggered = (campaign.schedule as { kind?: string }).kind === "trigger";
  if (triggered || (await hasWaitingMessages(workspaceId, campaign.id))) return "sending";
  return campaign.nextRunAt ? "scheduled" : "sent";
}
