import type { Prisma } from "@/lib/generated/prisma/client";
import { personaAssignmentSql } from "@/lib/personas/assign-personas";
import { runSegmentQuery } from "@/lib/segments/run-query";
import { campaignAudienceSql } from "./audience";
import { enqueueInactiveSql, enqueueTriggeredSql } from "@/lib/delivery/sql/campaigns";
import type { EnqueueTarget } from "./enqueue";
import { campaignAudienceSchema, campaignScheduleSchema, type CampaignTrigger } from "./schema";

type Tx = Prisma.TransactionClient;

/** An event just stored by ingest, as triggers read it. */
export type IngestedEvent = {
  profileId: string;
  name: string;
  occurredAt: Date;
  messageId: string;
  properties: Record<string, unknown>;
};

type LiveTrigger = {
  id: string;
  channel: string;
  audience: ReturnType<typeof campaignAudienceSchema.parse>;
  trigger: CampaignTrigger;
};

// Ingest asks on every batch; the live trigger list changes only on launch/pause, so a copy a
// second old is good enough and keeps the ingest path at one query per second per workspace.
const TTL_MS = 1000;
const cache = new Map<string, { at: number; triggers: LiveTrigger[] }>();

async function liveTriggers(tx: Tx, workspaceId: string): Promise<LiveTrigger[]> {
  const hit = cache.get(workspaceId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.triggers;
  const rows = await tx.campaign.findMany({
    // A journey's send campaigns are enqueued by the journey engine, never by an event.
    where: { workspaceId, status: "sending", journeyId: null, schedule: { path: ["kind"], equals: "trigger" } },
    select: { id: true, channel: true, audience: true, schedule: true },
  });
  const triggers = rows.flatMap((r) => {
    const schedule = campaignScheduleSchema.parse(r.schedule);
    return schedule.kind === "trigger"
      ? [
          {
            id: r.id,
            channel: r.channel,
            audience: campaignAudienceSchema.parse(r.audience),
            trigger: schedule.trigger,
          },
        ]
      : [];
  });
  cache.set(workspaceId, { at: Date.now(), triggers });
  return triggers;
}

/** Forget the cached trigger list (a campaign was launched, paused or cancelled in this process). */
export const forgetTriggers = (workspaceId: string) => cache.delete(workspaceId);

/** What counts as coming back for the inactivity recipe: the scan and the exit check read the same names. */
export const ACTIVITY_EVENTS = ["app_open", "session_start"];

// Older events (imports, backfills, replays of history) never fire a real-time trigger.
const MAX_EVENT_AGE_MS = 24 * 3_600_000;

const waitOf = (trigger: CampaignTrigger) =>
  trigger.recipe === "event"
    ? trigger.delayMinutes * 60_000
    : trigger.recipe === "abandoned_cart"
      ? trigger.hours * 3_600_000
      : 0;
const firesOn = (trigger: CampaignTrigger, name: string) =>
  trigger.recipe === "event"
    ? trigger.event === name
    : trigger.recipe === "abandoned_cart"
      ? name === "add_to_cart"
      : false;

/**
 * Enqueues the triggered sends of freshly ingested events, in the ingest transaction (an event
 * that is stored always gets its message; a rolled-back one never does). One Message per
 * (campaign, profile, triggering event), due after the recipe's delay, carrying the event for
 * Liquid's event.* and the exit check (a purchase cancels an abandoned-cart reminder).
 */
export async function enqueueTriggeredSends(
  tx: Tx,
  workspaceId: string,
  events: readonly IngestedEvent[],
  now = new Date(),
): Promise<number> {
  const fresh = events.filter((e) => now.getTime() - e.occurredAt.getTime() < MAX_EVENT_AGE_MS);
  if (fresh.length === 0) return 0;
  const triggers = await liveTriggers(tx, workspaceId);
  let added = 0;
  for (const t of triggers) {
    const matching = fresh.filter((e) => firesOn(t.trigger, e.name));
    if (matching.length === 0) continue;
    const audience = t.audience.kind === "all" ? null : await campaignAudienceSql(workspaceId, t.audience, now);
    const sendAfter = new Date(now.getTime() + waitOf(t.trigger)).toISOString();
    const sends = matching.map((e) => ({
      profileId: e.profileId,
      occurrence: `event:${e.messageId}`,
      sendAfter,
      context: JSON.stringify({ name: e.name, occurredAt: e.occurredAt.toISOString(), properties: e.properties }),
    }));
    const rows = await tx.$queryRaw<{ id: string }[]>(enqueueTriggeredSql(workspaceId, t, sends, audience));
    added += rows.length;
  }
  return added;
}

/**
 * Inactivity: audience profiles whose last app_open / session_start day is more than `days` ago get
 * one message per inactive stretch (the occurrence is the last active day, so coming back and
 * lapsing again sends again). Reads the all-time rollup's last days, not raw events.
 */
export async function scanInactivity(target: EnqueueTarget, days: number, now = new Date()): Promise<number> {
  const { workspaceId, campaignId } = target;
  const audience = await campaignAudienceSql(workspaceId, target.audience, now);
  const personas = await personaAssignmentSql(workspaceId, now);
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
  const [row] = await runSegmentQuery<{ n: number }[]>(
    enqueueInactiveSql({
      workspaceId,
      campaignId,
      channel: target.channel,
      activityEvents: ACTIVITY_EVENTS,
      cutoff,
      now,
      audience,
      personas,
    }),
  );
  return row?.n ?? 0;
}
