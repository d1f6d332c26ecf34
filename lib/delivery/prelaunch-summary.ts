import { cachedReport } from "@/lib/analytics/cache";
import { db } from "@/lib/db";
import { ident } from "@/lib/db/identifier";
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
  const reach = CHANNEL_INFO[channel]
    ? reachabilitySql(channel)
    : { consented: Prisma.sql`true`, hasAddress: Prisma.sql`true` };
  const unsubscribed = c.topic
    ? Prisma.sql`coalesce(p."subscriptions" -> ${c.topic}::text = 'false'::jsonb, false)`
    : Prisma.sql`false`;
  const caps = c.transactional ? [] : policy.caps.filter((cap) => cap.channel === "all" || cap.channel === channel);
  // Messages counting toward each cap, per profile, from one range of the longest cap's window
  // (index-only) and joined by hash: not a lookup per audience member (1M of them for "everyone").
  const windowStart = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const sent =
    caps.length === 0
      ? null
      : Prisma.sql`SELECT "profileId", ${Prisma.join(
          caps.map(
            (cap, i) =>
              Prisma.sql`count(*) FILTER (WHERE "sentAt" >= ${windowStart(cap.days)}::timestamp
                ${cap.channel === "all" ? Prisma.empty : Prisma.sql`AND "channel" = ${cap.channel}`})
                AS ${ident(`c${i}`)}`,
          ),
        )}
        FROM "Message" WHERE "workspaceId" = ${workspaceId} AND "sentAt" >= ${windowStart(Math.max(...caps.map((cap) => cap.days)))}::timestamp AND "status" IN ('sent', 'delivered')
        GROUP BY 1`;
  const capped =
    sent === null
      ? Prisma.sql`false`
      : Prisma.join(
          caps.map((cap, i) => Prisma.sql`coalesce(sent.${ident(`c${i}`)}, 0) >= ${cap.max}`),
          " OR ",
        );
  // Deferring quiet hours only delay a send; skipping ones lose it. Per-profile schedules have no one instant to check.
  const schedule = campaignScheduleSchema.parse(c.schedule);
  const quiet = policy.quietHours;
  const sendsAt = schedule.kind === "now" ? now : schedule.kind === "at" ? new Date(schedule.at) : null;
  const local = Prisma.sql`((${sendsAt}::timestamp AT TIME ZONE 'UTC') AT TIME ZONE coalesce(tz."name", ${policy.defaultTimezone}))::time`;
  const quietApplies = sendsAt !== null && !c.transactional && quiet.enabled && quiet.action === "skip";
  const inQuietHours = !quietApplies
    ? Prisma.sql`false`
    : quiet.start < quiet.end
      ? Prisma.sql`(${local} >= ${quiet.start}::time AND ${local} < ${quiet.end}::time)`
      : Prisma.sql`(${local} >= ${quiet.start}::time OR ${local} < ${quiet.end}::time)`;
  // Everyone is the workspace's profiles themselves, not a join of them with their own ids.
  const profiles =
    audienceSpec.kind === "all"
      ? Prisma.sql`"Profile" p`
      : Prisma.sql`(${audience}) a JOIN "Profile" p ON p."workspaceId" = ${workspaceId} AND p."id" = a."id"`;
  const [row] = await runSegmentQuery<
    {
      audience: number;
      no_consent: number;
      unsubscribed: number;
      no_address: number;
      frequency_cap: number;
      quiet_hours: number;
    }[]
  >(Prisma.sql`
    WITH ${quietApplies ? Prisma.sql`tz AS MATERIALIZED (SELECT "name" FROM pg_timezone_names),` : Prisma.empty}
    r AS (
      SELECT NOT ${reach.consented} AS no_consent, ${unsubscribed} AS unsubscribed, NOT ${reach.hasAddress} AS no_address, (${capped}) AS capped, ${inQuietHours} AS quiet
      FROM ${profiles}
      ${sent === null ? Prisma.empty : Prisma.sql`LEFT JOIN (${sent}) sent ON sent."profileId" = p."id"`}
      ${quietApplies ? Prisma.sql`LEFT JOIN tz ON tz."name" = p."timezone"` : Prisma.empty}
      WHERE p."workspaceId" = ${workspaceId}
    )
    SELECT count(*)::int AS audience,
           count(*) FILTER (WHERE no_consent)::int AS no_consent,
           count(*) FILTER (WHERE NOT no_consent AND unsubscribed)::int AS unsubscribed,
           count(*) FILTER (WHERE NOT no_consent AND NOT unsubscribed AND no_address)::int AS no_address,
           count(*) FILTER (WHERE NOT no_consent AND NOT unsubscribed AND NOT no_address AND capped)::int AS frequency_cap,
           count(*) FILTER (WHERE NOT no_consent AND NOT unsubscribed AND NOT no_address AND NOT capped AND quiet)::int AS quiet_hours
    FROM r`);
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
