import { db } from "@/lib/db/client";
import { audienceLabels } from "./audience";
import { campaignProgress, type CampaignProgress } from "./campaign-progress";
import { campaignAudienceSchema, campaignScheduleSchema, type CampaignSchedule, type CampaignStatus } from "./schema";

export type CampaignListItem = {
  id: string;
  name: string;
  status: CampaignStatus;
  channel: string;
  audience: string;
  schedule: CampaignSchedule;
  experimentId: string | null;
  ownerEmail: string;
  updatedAt: string;
  launchedAt: string | null;
  nextRunAt: string | null;
  progress: CampaignProgress;
};

/** The workspace's campaigns, most recently changed first, with their progress. */
export async function listCampaigns(
  workspaceId: string,
  filter: { status?: CampaignStatus } = {},
): Promise<CampaignListItem[]> {
  const rows = await db.campaign.findMany({
    // A journey's send steps send through campaigns of their own; the journey shows them, not this list.
    where: { workspaceId, journeyId: null, ...(filter.status ? { status: filter.status } : {}) },
    orderBy: { updatedAt: "desc" },
    take: 200,
  });
  const progress = await campaignProgress(
    workspaceId,
    rows.map((r) => r.id),
  );
  const labels = await audienceLabels(
    workspaceId,
    rows.map((r) => campaignAudienceSchema.parse(r.audience)),
  );
  return rows.map((r, i) => ({
    id: r.id,
    name: r.name,
    status: r.status as CampaignStatus,
    channel: r.channel,
    audience: labels[i]!,
    schedule: campaignScheduleSchema.parse(r.schedule),
    experimentId: r.experimentId,
    ownerEmail: r.ownerEmail,
    updatedAt: r.updatedAt.toISOString(),
    launchedAt: r.launchedAt?.toISOString() ?? null,
    nextRunAt: r.nextRunAt?.toISOString() ?? null,
    progress: progress.get(r.id)!,
  }));
}
