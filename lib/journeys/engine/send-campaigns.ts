import type { Actor } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db/client";
import type { JourneyDefinition } from "../schema";
import type { SendCampaignRef } from "./load-versions";

/**
 * One campaign per send step of a newly published version: the journey's messages go through the
 * campaign queue like any other (policy, rendering, providers, tracking, reports), on the template
 * version published now — pinned like a campaign's at launch, so profiles already in this version
 * keep getting what it was published with. A trigger schedule keeps the scheduler from ever
 * finishing it; Campaign.journeyId keeps it out of the campaign list and the ingest triggers.
 */
export async function createSendCampaigns(
  tx: Tx,
  actor: Pick<Actor, "workspaceId" | "userId" | "email">,
  journey: { id: string; name: string; status: string },
  version: number,
  definition: JourneyDefinition,
  published: ReadonlyMap<string, { versionId: string; channel: string }>,
  now: Date,
): Promise<Record<string, SendCampaignRef>> {
  const refs: Record<string, SendCampaignRef> = {};
  for (const node of definition.nodes) {
    if (node.kind !== "send" || !node.templateId) continue;
    const template = published.get(node.templateId);
    // validateJourney has refused unpublished templates; this guards the types.
    if (!template) continue;
    const campaign = await tx.campaign.create({
      data: {
        workspaceId: actor.workspaceId,
        name: `${journey.name} · ${node.label ?? node.id} (v${version})`,
        status: journey.status === "paused" ? "paused" : "sending",
        channel: template.channel,
        audience: { kind: "all" },
        templateId: node.templateId,
        versionId: template.versionId,
        schedule: {
          kind: "trigger",
          trigger: { recipe: "event", event: `journey:${journey.id}:${node.id}`, delayMinutes: 0 },
        },
        goalEvent: definition.goal?.event ?? "purchase",
        attributionHours: definition.goal ? definition.goal.windowDays * 24 : 72,
        ownerId: actor.userId,
        ownerEmail: actor.email,
        launchedAt: now,
        journeyId: journey.id,
      },
      select: { id: true },
    });
    refs[node.id] = { campaignId: campaign.id, channel: template.channel };
  }
  return refs;
}
