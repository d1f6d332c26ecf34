import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { notFound } from "@/lib/http/errors";
import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";
import { runSegmentQuery } from "@/lib/segments";
import { reachabilitySql } from "@/lib/segments/reachability-sql";
import { campaignAudienceSql } from "./audience";
import { loadPolicy } from "./policy";
import { campaignAudienceSchema, campaignScheduleSchema } from "./schema";

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
export async function prelaunchSummary(workspaceId: string, campaignId: string, now = new Date()): Promise<PrelaunchSummary> {
  const c = await db.campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: campaignId } } });
  if (!c) throw notFound("That campaign");
  const audience = await campaignAudienceSql(workspaceId, campaignAudienceSchema.parse(c.audience), now);
  const policy = await loadPolicy(workspaceId);
  const channel = c.channel as Channel;
  const reach = CHANNEL_INFO[channel] ? reachabilitySql(channel) : { consented: Prisma.sql`true`, hasAddress: Prisma.sql`true` };
  const unsubscribed = c.topic ? Prisma.sql`coalesce(p."subscriptions" -> ${c.topic}::text = 'false'::jsonb, false)` : Prisma.sql`false`;
  const caps = c.transactional ? [] : policy.caps.filter((cap) => cap.channel === "all" || cap.channel === channel);
  const capped = caps.length === 0 ? Prisma.sql`false` : Prisma.join(
    caps.map((cap) => Prisma.sql`(SELECT count(*) FROM "Message" m WHERE m."workspaceId" = ${workspaceId} AND m."profileId" = p."id"
        AND m."status" IN ('sent', 'delivered') AND m."sentAt" >= ${new Date(now.getTime() - cap.days * 86_400_000)}::timestamp
        ${cap.channel === "all" ? Prisma.empty : Prisma.sql`AND m."channel" = ${cap.channel}`}) >= ${cap.max}`),
    " OR ",
  );
  // Deferring quiet hours only delay a send; skipping ones lose it. Per-profile schedules have no one instant to check.
  const schedule = campaignScheduleSchema.parse(c.schedule);
  const quiet = policy.quietHours;
  const sendsAt = schedule.kind === "now" ? now : schedule.kind === "at" ? new Date(schedule.at) : null;
  const local = Prisma.sql`((${sendsAt}::timestamp AT TIME ZONE 'UTC') AT TIME ZONE coalesce(tz."name", ${policy.defaultTimezone}))::time`;
  const inQuietHours = !sendsAt || c.transactional || !quiet.enabled || quiet.action !== "skip" ? Prisma.sql`false`
    : quiet.start < quiet.end ? Prisma.sql`(${local} >= ${quiet.start}::time AND ${local} < ${quiet.end}::time)`
    : Prisma.sql`(${local} >= ${quiet.start}::time OR ${local} < ${quiet.end}::time)`;
  const [row] = await runSegmentQuery<{ audience: number; no_consent: number; unsubscribed: number; no_address: number; frequency_cap: number; quiet_hours: number }[]>(Prisma.sql`
    WITH tz AS MATERIALIZED (SELECT "name" FROM pg_timezone_names), r AS (
      SELECT NOT ${reach.consented} AS no_consent, ${unsubscribed} AS unsubscribed, NOT ${reach.hasAddress} AS no_address, (${capped}) AS capped, ${inQuietHours} AS quiet
      FROM (${audience}) a JOIN "Profile" p ON p."workspaceId" = ${workspaceId} AND p."id" = a."id"
      LEFT JOIN tz ON tz."name" = p."timezone"
    )
    SELECT count(*)::int AS audience,
           count(*) FILTER (WHERE no_consent)::int AS no_consent,
           count(*) FILTER (WHERE NOT no_consent AND unsubscribed)::int AS unsubscribed,
           count(*) FILTER (WHERE NOT no_consent AND NOT unsubscribed AND no_address)::int AS no_address,
           count(*) FILTER (WHERE NOT no_consent AND NOT unsubscribed AND NOT no_address AND capped)::int AS frequency_cap,
           count(*) FILTER (WHERE NOT no_consent AND NOT unsubscribed AND NOT no_address AND NOT capped AND quiet)::int AS quiet_hours
    FROM r`);
  const skips = (["no_consent", "unsubscribed", "no_address", "frequency_cap", "quiet_hours"] as const).map((reason) => ({ reason, count: row?.[reason] ?? 0 })).filter((s) => s.count > 0);
  const total = row?.audience ?? 0;
  const willSend = total - skips.reduce((sum, s) => sum + s.count, 0);
  return { audience: total, skips, willSend, estimatedSeconds: Math.ceil(willSend / SEND_RATE_ESTIMATE), triggered: (c.schedule as { kind?: string }).kind === "trigger" };
}
