import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/http/errors";
import { asJsonInput } from "@/lib/db/json-object";
import { checkReferences, EDITABLE_STATUSES } from "./campaign-rules";
import type { CampaignInput } from "./schema";

/** A campaign definition as Campaign columns (experiments write their campaign through it too). */
export const campaignColumns = (input: CampaignInput) => ({
  name: input.name,
  channel: input.channel,
  audience: asJsonInput(input.audience),
  templateId: input.templateId,
  experimentId: input.experimentId,
  schedule: asJsonInput(input.schedule),
  transactional: input.transactional,
  topic: input.topic,
  goalEvent: input.goalEvent,
  attributionHours: input.attributionHours,
});

/** Creates a draft campaign owned by the actor (audited). */
export async function createCampaign(actor: Actor, input: CampaignInput) {
  await checkReferences(actor.workspaceId, input);
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: {
        workspaceId: actor.workspaceId,
        ...campaignColumns(input),
        ownerId: actor.userId,
        ownerEmail: actor.email,
      },
    });
    await recordAudit(tx, actor, {
      action: "campaign.created",
      entityType: "campaign",
      entityId: campaign.id,
      after: asJsonInput(input),
    });
    return { id: campaign.id, status: campaign.status };
  });
}

/** Replaces a draft (or paused) campaign's definition; a launched one must be paused first. */
export async function updateCampaign(actor: Actor, campaignId: string, input: CampaignInput) {
  const workspaceId = actor.workspaceId;
  const before = await db.campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  if (!before) throw notFound("That campaign");
  if (!EDITABLE_STATUSES.has(before.status))
    throw new AppError(409, "not_editable", `A ${before.status} campaign cannot be edited: pause it first.`, "status");
  await checkReferences(workspaceId, input, before);
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.update({
      where: { workspaceId_id: { workspaceId, id: campaignId } },
      data: campaignColumns(input),
    });
    await recordAudit(tx, actor, {
      action: "campaign.updated",
      entityType: "campaign",
      entityId: campaignId,
      before: asJsonInput({
        name: before.name,
        channel: before.channel,
        audience: before.audience,
        templateId: before.templateId,
        schedule: before.schedule,
      }),
      after: asJsonInput(input),
    });
    return { id: campaign.id, status: campaign.status };
  });
}
