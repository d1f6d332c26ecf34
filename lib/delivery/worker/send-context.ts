import { db } from "@/lib/db/client";
import { profileContextOptions, type ProfileContextOptions } from "@/lib/templates/profile-context";
import { variableCatalog } from "@/lib/templates/variable-catalog";
import { contentOf } from "@/lib/templates/versions";
import type { TemplateContent } from "@/lib/templates/schema";
import { campaignScheduleSchema, type CampaignSchedule } from "../schema";
import type { CampaignArms, SendExperiments } from "./experiment-port";

/** What the sender needs about a campaign, loaded once per batch. */
export type SendCampaign = {
  workspaceId: string;
  id: string;
  status: string;
  channel: string;
  versionId: string | null;
  templateId: string | null;
  triggerEvent: string | null;
  schedule: CampaignSchedule;
  transactional: boolean;
  topic: string | null;
  arms: (CampaignArms & { experimentId: string }) | null;
};

// A published version never changes, so its parsed content can be kept for the process's life.
const contents = new Map<string, { content: TemplateContent; templateId: string }>();
// The trait catalog changes when new traits arrive; a minute-old copy is fine for rendering.
const profileOptions = new Map<string, { at: number; options: ProfileContextOptions }>();
const CATALOG_TTL_MS = 60_000;

export async function versionContent(
  workspaceId: string,
  versionId: string,
): Promise<{ content: TemplateContent; templateId: string }> {
  const key = `${workspaceId}:${versionId}`;
  let found = contents.get(key);
  if (!found) {
    const row = await db.templateVersion.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId, id: versionId } },
      select: { content: true, templateId: true },
    });
    contents.set(key, (found = { content: contentOf(row.content), templateId: row.templateId }));
  }
  return found;
}

/**
 * How profiles of a workspace appear in Liquid (its catalog's traits and withheld flags), derived once per minute, not
 * per message.
 */
export async function profileOptionsFor(workspaceId: string): Promise<ProfileContextOptions> {
  const cached = profileOptions.get(workspaceId);
  if (cached && Date.now() - cached.at < CATALOG_TTL_MS) return cached.options;
  const options = profileContextOptions(await variableCatalog(workspaceId));
  profileOptions.set(workspaceId, { at: Date.now(), options });
  return options;
}

/** The batch's campaigns with their template's trigger event and, for experiments, the arms. */
export async function loadCampaigns(
  keys: readonly { workspaceId: string; campaignId: string }[],
  experiments: SendExperiments,
): Promise<Map<string, SendCampaign>> {
  const unique = [...new Map(keys.map((k) => [`${k.workspaceId}:${k.campaignId}`, k])).values()];
  const result = new Map<string, SendCampaign>();
  for (const { workspaceId, campaignId } of unique) {
    const c = await db.campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
    if (!c) continue;
    const template = c.templateId
      ? await db.template.findUnique({
          where: { workspaceId_id: { workspaceId, id: c.templateId } },
          select: { triggerEvent: true },
        })
      : null;
    result.set(`${workspaceId}:${campaignId}`, {
      workspaceId,
      id: c.id,
      status: c.status,
      channel: c.channel,
      versionId: c.versionId,
      templateId: c.templateId,
      triggerEvent: template?.triggerEvent ?? null,
      schedule: campaignScheduleSchema.parse(c.schedule),
      transactional: c.transactional,
      topic: c.topic,
      arms: c.experimentId
        ? { experimentId: c.experimentId, ...(await experiments.armsOf(workspaceId, c.experimentId)) }
        : null,
    });
  }
  return result;
}
