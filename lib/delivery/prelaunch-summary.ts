import { cachedReport } from "@/lib/analytics/cache";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";
import { runSegmentQuery } from "@/lib/segments/run-query";
import { reachabilitySql } from "@/lib/segments/reachability-sql";
import { campaignAudienceSql } from "./audience";
import { loadPolicy } from "./policy/load-policy";
import { campaignAudienceSchema, campaignScheduleSchema } from "./schema";
import { prelaunchSkipsSql } from "@/lib/delivery/sql/prelaunch";

// Messages per second one worker sends on the sandbox provider (bench/send.ts, README); the
// estimate divides by it, so it is a floor for real providers that answer slower.
export const SEND_RATE_ESTIMATE = 2000;

export type PrelaunchSummary = {
  audience: number;
  skips: { reason: string; count: number }[];
  willSend: number;
  estimatedSeconds: number;
  /** True when the estimate is of the audience now; a trigger campaign sends as events arrive. */
  triggered: boolean;
};

/**
 * What launching would do now: the audience size and how many of them policy would skip and why
 * (consent, address, topic unsubscribes, frequency caps already reached, quiet hours that skip at
 * a send's one instant — now or a fixed time) — an estimate, since the audience and caps move
 * until each message is sent — and the send duration at the bench rate.
 */
export async function prelaunchSummary(
  workspaceId: string,
  campaignId: string,
  now = new Date(),
): Promise<PrelaunchSummary> {
  const c = await db.campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  if (!c) throw notFound("That campaign");
  const audienceSpec = campaignAudienceSchema.parse(c.audience);
  const audience = await campaignAudienceSql(workspaceId, audienceSpec, now);
  const policy = await loadPolicy(workspaceId);
  const channel = c.channel as Channel;
  const caps = c.transactional ? [] : policy.caps.filter((cap) => cap.channel === "all" || cap.channel === channel);
  // Deferring quiet hours only delay a send; skipping ones lose it. Per-profile schedules have no one instant to check.
  const schedule = campaignScheduleSchema.parse(c.schedule);
  const quiet = policy.quietHours;
  const sendsAt = schedule.kind === "now" ? now : schedule.kind === "at" ? new Date(schedule.at) : null;
  const quietApplies = sendsAt !== null && !c.transactional && quiet.enabled && quiet.action === "skip";
  const [row] = await runSegmentQuery<
    {
      audience: number;
      no_consent: number;
      unsubscribed: number;
      no_address: number;
      frequency_cap: number;
      quiet_hours: number;
    }[]
  >(
    prelaunchSkipsSql({
      workspaceId,
      audience: audienceSpec.kind === "all" ? null : audience,
      reach: CHANNEL_INFO[channel] ? reachabilitySql(channel) : null,
      topic: c.topic,
      caps,
      now,
      quiet: quietApplies
        ? { start: quiet.start, end: quiet.end, at: sendsAt, timezone: policy.defaultTimezone }
        : null,
    }),
  );
  const skips = (["no_consent", "unsubscribed", "no_address", "frequency_cap", "quiet_hours"] as const)
    .map((reason) => ({ reason, count: row?.[reason] ?? 0 }))
    .filter((s) => s.count > 0);
  const total = row?.audience ?? 0;
  const willSend = total - skips.reduce((sum, s) => sum + s.count, 0);
  return {
    audience: total,
    skips,
    willSend,
    estimatedSeconds: Math.ceil(willSend / SEND_RATE_ESTIMATE),
    triggered: (c.schedule as { kind?: string }).kind === "trigger",
  };
}

/**
 * The launch dialog's estimate: prelaunchSummary cached like a report (lib/analytics/cache.ts) per
 * campaign version, policy and minute, so analysts opening the dialog at once share one count and a
 * stream of new events does not recount it for each of them. The launch itself (and an experiment's
 * launch guard) always counts afresh.
 */
export async function cachedPrelaunchSummary(workspaceId: string, campaignId: string, now = new Date()) {
  const [campaign, policy] = await Promise.all([
    db.campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } }, select: { updatedAt: true } }),
    loadPolicy(workspaceId),
  ]);
  if (!campaign) throw notFound("That campaign");
  const params = {
    campaignId,
    updatedAt: campaign.updatedAt.toISOString(),
    policy,
    minute: Math.floor(now.getTime() / 60_000),
  };
  return cachedReport(workspaceId, "prelaunch", params, () => prelaunchSummary(workspaceId, campaignId, now));
}
