import { CHANNELS_MEASURING, type DeliveryTotals } from "@/lib/analytics/metrics";
import { db } from "@/lib/db/client";
import { MESSAGE_EVENT_NAMES } from "@/lib/delivery/message-stages";

/**
 * The campaign-attributed delivery totals of docs/reports.md recomputed from raw message events,
 * independently of the rollups: a message's events count on the day its `message_sent` event
 * happened (an event whose message has none — a skip — on its own day); a profile is a recipient of
 * a campaign in the row of its first delivered message (that message's send day and dimensions), and
 * an opener / clicker / converter there if it ever opened / clicked / converted on the campaign (opens
 * and clicks only on channels that measure them).
 */
export type OracleEvent = {
  profileId: string;
  name: string;
  occurredAt: Date;
  campaignId: string;
  variantId: string | null;
  channel: string;
  revenue: number;
  /** properties.messageId: which Message the event is about. */
  message: string | null;
};
export type Dims = { campaignId: string; channel: string; variantId: string; personaId: string };

const dayOf = (d: Date) => d.toISOString().slice(0, 10);
const measured = (stage: keyof typeof CHANNELS_MEASURING, channel: string) =>
  (CHANNELS_MEASURING[stage] as readonly string[]).includes(channel);

/** Every message event of a workspace as stored in Event (after merges: under the surviving profile). */
export async function loadOracleEvents(workspaceId: string): Promise<OracleEvent[]> {
  const rows = await db.event.findMany({
    where: { workspaceId, name: { in: MESSAGE_EVENT_NAMES }, campaignId: { not: null }, channel: { not: null } },
    select: {
      profileId: true,
      name: true,
      occurredAt: true,
      campaignId: true,
      variantId: true,
      channel: true,
      properties: true,
    },
  });
  return rows.map((e) => {
    const p = e.properties as Record<string, unknown>;
    return {
      profileId: e.profileId,
      name: e.name,
      occurredAt: e.occurredAt,
      campaignId: e.campaignId!,
      variantId: e.variantId,
      channel: e.channel!,
      revenue: Number(p.revenue ?? 0),
      message: typeof p.messageId === "string" ? p.messageId : null,
    };
  });
}

export type Oracle = {
  /** Totals over send days [from, to] of the rows `keep` accepts. */
  totals(from: string, to: string, keep?: (dims: Dims, day: string) => boolean): DeliveryTotals;
  /** The (campaign, profile) pairs counted as recipients / openers / clickers / converters there. */
  members(
    from: string,
    to: string,
    keep?: (dims: Dims, day: string) => boolean,
  ): Record<"recipients" | "uniqueOpens" | "uniqueClickers" | "converters", Set<string>>;
};

/** `personaOf(message)`: the persona a message was sent under (events do not carry it). */
export function buildOracle(
  events: readonly OracleEvent[],
  personaOf: (message: string | null) => string = () => "",
): Oracle {
  const sentAt = new Map<string, Date>();
  for (const e of events) if (e.name === "message_sent" && e.message) sentAt.set(e.message, e.occurredAt);
  const sendDay = (e: OracleEvent) => dayOf((e.message && sentAt.get(e.message)) || e.occurredAt);
  const dimsOf = (e: OracleEvent): Dims => ({
    campaignId: e.campaignId,
    channel: e.channel,
    variantId: e.variantId ?? "",
    personaId: personaOf(e.message),
  });

  const firstDelivery = new Map<string, OracleEvent>();
  const did = { opened: new Set<string>(), clicked: new Set<string>(), converted: new Set<string>() };
  for (const e of events) {
    const key = `${e.campaignId}|${e.profileId}`;
    if (e.name === "message_delivered") {
      const seen = firstDelivery.get(key);
      if (!seen || e.occurredAt < seen.occurredAt) firstDelivery.set(key, e);
    }
    if (e.name === "message_opened") did.opened.add(key);
    if (e.name === "message_clicked") did.clicked.add(key);
    if (e.name === "message_converted") did.converted.add(key);
  }

  const members: Oracle["members"] = (from, to, keep = () => true) => {
    const out = {
      recipients: new Set<string>(),
      uniqueOpens: new Set<string>(),
      uniqueClickers: new Set<string>(),
      converters: new Set<string>(),
    };
    for (const [key, e] of firstDelivery) {
      const day = sendDay(e);
      if (day < from || day > to || !keep(dimsOf(e), day)) continue;
      out.recipients.add(key);
      if (did.opened.has(key) && measured("opens", e.channel)) out.uniqueOpens.add(key);
      if (did.clicked.has(key) && measured("clicks", e.channel)) out.uniqueClickers.add(key);
      if (did.converted.has(key)) out.converters.add(key);
    }
    return out;
  };

  const totals: Oracle["totals"] = (from, to, keep = () => true) => {
    const inRange = events.filter((e) => {
      const day = sendDay(e);
      return day >= from && day <= to && keep(dimsOf(e), day);
    });
    const count = (name: string, channels?: (c: string) => boolean) =>
      inRange.filter((e) => e.name === name && (!channels || channels(e.channel))).length;
    const m = members(from, to, keep);
    const recipientsOn = (stage: keyof typeof CHANNELS_MEASURING) =>
      [...m.recipients].filter((key) => measured(stage, firstDelivery.get(key)!.channel)).length;
    return {
      sent: count("message_sent"),
      delivered: count("message_delivered"),
      opens: count("message_opened"),
      clicks: count("message_clicked"),
      conversions: count("message_converted"),
      unsubscribed: count("message_unsubscribed"),
      revenue:
        Math.round(inRange.filter((e) => e.name === "message_converted").reduce((s, e) => s + e.revenue, 0) * 100) /
        100,
      recipients: m.recipients.size,
      uniqueOpens: m.uniqueOpens.size,
      uniqueClickers: m.uniqueClickers.size,
      converters: m.converters.size,
      openableRecipients: recipientsOn("opens"),
      clickableRecipients: recipientsOn("clicks"),
      clickableDelivered: count("message_delivered", (c) => measured("clicks", c)),
    };
  };
  return { totals, members };
}
