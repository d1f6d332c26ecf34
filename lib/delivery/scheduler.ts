import { db } from "@/lib/db/client";
import { enqueueOccurrence } from "./enqueue";
import { loadPolicy } from "@/lib/delivery/policy/load-policy";
import { nextOccurrence } from "./schedule";
import { campaignAudienceSchema, campaignScheduleSchema } from "./schema";
import { scanInactivity } from "./triggers";
import { hasWaitingMessages } from "./waiting-messages";

// A claimed occurrence is leased this long: a scheduler that dies mid-enqueue is retried after it
// (enqueuing is idempotent, so the retry only adds what is missing).
const LEASE_MS = 5 * 60_000;
// Inactivity campaigns look for newly inactive profiles this often.
const INACTIVITY_SCAN_MS = 60_000;

/**
 * Starts the campaign occurrences that are due: writes their Messages, marks the campaign
 * "sending" and sets when the next occurrence (recurring) is. A campaign is claimed by moving its
 * nextRunAt forward only if nobody else did (compare-and-set), so several workers never enqueue
 * the same occurrence at once — and no transaction stays open while the audience query runs.
 */
export async function runDueCampaigns(now = new Date()): Promise<number> {
  const due = await db.campaign.findMany({
    where: { status: { in: ["scheduled", "sending"] }, nextRunAt: { lte: now } },
    take: 10,
    orderBy: { nextRunAt: "asc" },
  });
  let started = 0;
  for (const campaign of due) {
    const { workspaceId, id } = campaign;
    const claimed = await db.campaign.updateMany({
      where: { workspaceId, id, nextRunAt: campaign.nextRunAt },
      data: { nextRunAt: new Date(now.getTime() + LEASE_MS) },
    });
    if (claimed.count === 0) continue;
    const schedule = campaignScheduleSchema.parse(campaign.schedule);
    const audience = campaignAudienceSchema.parse(campaign.audience);
    const defaultTimezone = (await loadPolicy(workspaceId)).defaultTimezone;
    const target = { workspaceId, campaignId: id, channel: campaign.channel, audience, schedule, defaultTimezone };
    if (schedule.kind === "trigger") {
      if (schedule.trigger.recipe === "inactivity") await scanInactivity(target, schedule.trigger.days, now);
      await db.campaign.updateMany({
        where: { workspaceId, id, status: "sending" },
        data: { nextRunAt: new Date(now.getTime() + INACTIVITY_SCAN_MS) },
      });
      continue;
    }
    const occurrence = nextOccurrence(
      schedule,
      new Date(campaign.nextRunAt!.getTime() - 1),
      campaign.occurrences,
      defaultTimezone,
    );
    if (!occurrence) {
      await db.campaign.updateMany({ where: { workspaceId, id }, data: { nextRunAt: null } });
      continue;
    }
    await enqueueOccurrence(target, occurrence.key, occurrence.at);
    const following = nextOccurrence(schedule, occurrence.at, campaign.occurrences + 1, defaultTimezone);
    await db.campaign.updateMany({
      where: { workspaceId, id, status: { in: ["scheduled", "sending"] } },
      data: { status: "sending", occurrences: campaign.occurrences + 1, nextRunAt: following?.at ?? null },
    });
    started++;
  }
  return started;
}

/**
 * Campaigns whose messages are all final: a one-off becomes "sent"; a recurring one goes back to
 * "scheduled" until its next occurrence. Triggered campaigns keep listening.
 */
export async function finishCampaigns(now = new Date()): Promise<number> {
  const sending = await db.campaign.findMany({
    where: { status: "sending" },
    select: { workspaceId: true, id: true, nextRunAt: true, schedule: true },
  });
  let finished = 0;
  for (const c of sending) {
    if ((c.schedule as { kind?: string }).kind === "trigger") continue;
    if (await hasWaitingMessages(c.workspaceId, c.id)) continue;
    // Claimed for enqueue right now (lease in the future, no occurrence written yet): leave it.
    const done = await db.campaign.updateMany({
      where: { workspaceId: c.workspaceId, id: c.id, status: "sending", nextRunAt: c.nextRunAt },
      data: c.nextRunAt ? { status: "scheduled" } : { status: "sent", completedAt: now },
    });
    finished += done.count;
  }
  return finished;
}
