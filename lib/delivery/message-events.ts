import type { Prisma } from "@/lib/generated/prisma/client";
import { insertEvents } from "@/lib/profiles/ingest/insert-events";
import { isActivity } from "@/lib/profiles/activity";
import type { LockedProfile } from "@/lib/profiles/ingest/running-counts";
import { lockProfilesSql } from "@/lib/profiles/ingest/sql";
import { recordLinkClicks } from "./campaign-link-clickers";
import { bumpMessageDaily } from "./message-daily";
import type { MessageEventName } from "./message-stages";

type Tx = Prisma.TransactionClient;

/**
 * One message event: what happened to which Message, when. `message.sentAt` is when it was sent (null: not yet, or
 * being sent now).
 */
export type MessageEvent = {
  name: MessageEventName;
  at: Date;
  message: {
    id: string;
    campaignId: string;
    profileId: string;
    channel: string;
    variantId: string | null;
    personaId: string | null;
    sentAt?: Date | null;
  };
  properties?: Record<string, unknown>;
  revenue?: number | null;
};

/**
 * Writes message events into Event (with campaign, variant and channel promoted) and counts them
 * in MessageDaily (and clicks per link in CampaignLinkClicker), in the caller's transaction. Event.messageId is
 * "<message id>:<stage>", so
 * each stage is recorded at most once per Message: a retried batch or a second click adds nothing,
 * and only the events actually inserted are counted. Every event of a sent message carries the send
 * instant in properties.sentAt: reports attribute it to that day, and a rebuild from Event can too.
 */
export async function writeMessageEvents(
  tx: Tx,
  workspaceId: string,
  events: readonly MessageEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  const eventId = (e: MessageEvent) => `${e.message.id}:${e.name.slice("message_".length)}`;
  // A message without a send time is being sent now (sent, delivered, failed) or never was (skipped).
  const sentAt = (e: MessageEvent) =>
    e.message.sentAt ?? (e.name === "message_sent" || e.name === "message_delivered" ? e.at : null);
  const rows = events.map((e) => ({
    profileId: e.message.profileId,
    name: e.name,
    occurredAt: e.at,
    messageId: eventId(e),
    properties: {
      messageId: e.message.id,
      ...(sentAt(e) ? { sentAt: sentAt(e)!.toISOString() } : {}),
      ...e.properties,
    },
    campaignId: e.message.campaignId,
    variantId: e.message.variantId,
    channel: e.message.channel,
    revenue: e.revenue == null ? null : e.revenue.toFixed(2),
  }));
  // Opens, clicks and conversions are the customer's activity: their profiles' active-hour counts move.
  const active = [...new Set(rows.filter((row) => isActivity(row.name)).map((row) => row.profileId))];
  const locked = active.length > 0 ? await tx.$queryRaw<LockedProfile[]>(lockProfilesSql(workspaceId, active)) : [];
  const fresh = await insertEvents(tx, workspaceId, rows, locked);
  const counted = events.filter((e) => fresh.has(eventId(e)));
  await bumpMessageDaily(
    tx,
    workspaceId,
    counted.map((e) => ({
      name: e.name,
      occurredAt: e.at,
      sentAt: sentAt(e) ?? e.at,
      campaignId: e.message.campaignId,
      profileId: e.message.profileId,
      variantId: e.message.variantId,
      channel: e.message.channel,
      personaId: e.message.personaId,
      revenue: e.revenue,
    })),
  );
  await recordLinkClicks(
    tx,
    workspaceId,
    counted
      .filter((e) => e.name === "message_clicked")
      .map((e) => ({
        campaignId: e.message.campaignId,
        profileId: e.message.profileId,
        url: e.properties?.url,
        at: e.at,
      })),
  );
  return counted.length;
}
