import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { audienceLabels } from "./audience";
import { campaignProgress, type CampaignProgress } from "./campaign-progress";
import { campaignFieldsSchema, type CampaignInput, type CampaignStatus } from "./schema";

export type CampaignDetail = {
  id: string;
  status: CampaignStatus;
  definition: CampaignInput;
  audienceLabel: string;
  template: { id: string; name: string } | null;
  versionId: string | null;
  ownerEmail: string;
  createdAt: string;
  launchedAt: string | null;
  completedAt: string | null;
  nextRunAt: string | null;
  occurrences: number;
  progress: CampaignProgress;
};

export async function getCampaign(workspaceId: string, campaignId: string): Promise<CampaignDetail> {
  const c = await db.campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  if (!c) throw notFound("That campaign");
  // Stored definitions were validated on the way in; parse fills defaults added since. Its rules
  // are not asked again: a campaign written before one (or history without a template) still reads.
  const definition = campaignFieldsSchema.parse({
    name: c.name,
    channel: c.channel,
    audience: c.audience,
    templateId: c.templateId,
    experimentId: c.experimentId,
    schedule: c.schedule,
    transactional: c.transactional,
    topic: c.topic,
    goalEvent: c.goalEvent,
    attributionHours: c.attributionHours,
  });
  const template = c.templateId
    ? await db.template.findUnique({
        where: { workspaceId_id: { workspaceId, id: c.templateId } },
        select: { id: true, name: true },
      })
    : null;
  return {
    id: c.id,
    status: c.status as CampaignStatus,
    definition,
    audienceLabel: (await audienceLabels(workspaceId, [definition.audience]))[0]!,
    template,
    versionId: c.versionId,
    ownerEmail: c.ownerEmail,
    createdAt: c.createdAt.toISOString(),
    launchedAt: c.launchedAt?.toISOString() ?? null,
    completedAt: c.completedAt?.toISOString() ?? null,
    nextRunAt: c.nextRunAt?.toISOString() ?? null,
    occurrences: c.occurrences,
    progress: (await campaignProgress(workspaceId, [c.id])).get(c.id)!,
  };
}

export type CampaignMessage = {
  id: string;
  profileId: string;
  email: string | null;
  status: string;
  skipReason: string | null;
  detail: string | null;
  variantId: string | null;
  sendAfter: string;
  sentAt: string | null;
  clickedAt: string | null;
};

/** A page of a campaign's messages, newest first, optionally one status. */
export async function listCampaignMessages(
  workspaceId: string,
  campaignId: string,
  options: { status?: string; page: number; pageSize: number },
) {
  const where = { workspaceId, campaignId, ...(options.status ? { status: options.status } : {}) };
  const [rows, total] = await Promise.all([
    db.message.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: options.page * options.pageSize,
      take: options.pageSize,
    }),
    db.message.count({ where }),
  ]);
  const emails = new Map(
    (
      await db.profile.findMany({
        where: { workspaceId, id: { in: rows.map((r) => r.profileId) } },
        select: { id: true, email: true },
      })
    ).map((p) => [p.id, p.email]),
  );
  const messages: CampaignMessage[] = rows.map((r) => ({
    id: r.id,
    profileId: r.profileId,
    email: emails.get(r.profileId) ?? null,
    status: r.status,
    skipReason: r.skipReason,
    detail: r.skipDetail ?? r.lastError,
    variantId: r.variantId,
    sendAfter: r.sendAfter.toISOString(),
    sentAt: r.sentAt?.toISOString() ?? null,
    clickedAt: r.clickedAt?.toISOString() ?? null,
  }));
  return { messages, total };
}
