import type { Tx } from "@/lib/db";
import { bumpMessageDaily } from "../message-daily";
import type { MessageEventName } from "../message-stages";
import { insertMessageEventsSql, isTimedOutcome, stampMessagesSql } from "./sql";

/** What the tracking routes and attribution need of a Message. */
export type TrackedMessage = {
  workspaceId: string;
  id: string;
  profileId: string;
  campaignId: string;
  variantId: string | null;
  channel: string;
  personaId: string | null;
};

export type Outcome = {
  message: TrackedMessage;
  name: Extract<MessageEventName, "message_opened" | "message_clicked" | "message_converted" | "message_unsubscribed">;
  occurredAt: Date;
  properties?: Record<string, unknown>;
  /** message_converted: the converting event's revenue. */
  revenue?: number | null;
};

const SUFFIX: Record<Outcome["name"], string> = {
  message_opened: "opened",
  message_clicked: "clicked",
  message_converted: "converted",
  message_unsubscribed: "unsubscribed",
};

/** Event.messageId of a message's outcome: one per message and outcome, whoever writes it. */
export const outcomeEventId = (messageId: string, name: Outcome["name"]) => `${messageId}:${SUFFIX[name]}`;

/**
 * Records what became of messages — opened, clicked, converted, unsubscribed — at most once per
 * message and outcome, in the caller's transaction: the Event (with campaign, variant and channel
 * columns; properties.message = Message.id), ProfileEventDaily, the Message's timestamp (first one
 * kept) and MessageDaily. Returns the outcomes that were new; a repeat (a second click, a
 * concurrent request) writes nothing.
 */
export async function recordOutcomes(tx: Tx, workspaceId: string, outcomes: readonly Outcome[]): Promise<Outcome[]> {
  const unique = new Map<string, Outcome>();
  for (const o of outcomes) if (o.message.workspaceId === workspaceId) unique.set(outcomeEventId(o.message.id, o.name), unique.get(outcomeEventId(o.message.id, o.name)) ?? o);
  if (unique.size === 0) return [];
  const list = [...unique.entries()];
  const inserted = await tx.$queryRaw<{ messageId: string }[]>(
    insertMessageEventsSql(workspaceId, {
      profileIds: list.map(([, o]) => o.message.profileId),
      names: list.map(([, o]) => o.name),
      occurredAt: list.map(([, o]) => o.occurredAt.toISOString()),
      eventIds: list.map(([id]) => id),
      properties: list.map(([, o]) => JSON.stringify({ message: o.message.id, ...o.properties, ...(o.name === "message_converted" ? { revenue: o.revenue ?? 0 } : {}) })),
      campaignIds: list.map(([, o]) => o.message.campaignId),
      variantIds: list.map(([, o]) => o.message.variantId),
      channels: list.map(([, o]) => o.message.channel),
    }),
  );
  const fresh = new Set(inserted.map((row) => row.messageId));
  const recorded = list.filter(([id]) => fresh.has(id)).map(([, o]) => o);
  if (recorded.length === 0) return [];

  const byName = new Map<string, Outcome[]>();
  for (const o of recorded) byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
  for (const [name, group] of byName) {
    if (!isTimedOutcome(name)) continue;
    await tx.$executeRaw(stampMessagesSql(workspaceId, name, group.map((o) => o.message.id), group.map((o) => o.occurredAt.toISOString())));
  }
  await bumpMessageDaily(
    tx,
    workspaceId,
    recorded.map((o) => ({ name: o.name, occurredAt: o.occurredAt, campaignId: o.message.campaignId, variantId: o.message.variantId, channel: o.message.channel, personaId: o.message.personaId, revenue: o.revenue ?? null })),
  );
  return recorded;
}
