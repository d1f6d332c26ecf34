import type { Tx } from "@/lib/db/client";
import { writeMessageEvents } from "../message-events";
import type { MessageEventName } from "../message-stages";
import { isTimedOutcome, stampMessagesSql } from "./sql";

/** What the tracking routes and attribution need of a Message. */
export type TrackedMessage = {
  workspaceId: string;
  id: string;
  profileId: string;
  campaignId: string;
  variantId: string | null;
  channel: string;
  personaId: string | null;
  /** When it was sent: its outcomes count on that day in the reports. */
  sentAt: Date | null;
};

export type Outcome = {
  message: TrackedMessage;
  name: Extract<MessageEventName, "message_opened" | "message_clicked" | "message_converted" | "message_unsubscribed">;
  occurredAt: Date;
  properties?: Record<string, unknown>;
  /** message_converted: the converting event's revenue. */
  revenue?: number | null;
};

/**
 * Records what became of messages — opened, clicked, converted, unsubscribed — at most once per
 * message and outcome, in the caller's transaction: the Event via writeMessageEvents (Event.messageId
 * "<message id>:<stage>", campaign/variant/channel columns, ProfileEventDaily, MessageDaily) and
 * the Message's openedAt / clickedAt / convertedAt (the first one kept). Returns how many
 * outcomes were new; a repeat (a second click, a concurrent request) adds nothing.
 */
export async function recordOutcomes(tx: Tx, workspaceId: string, outcomes: readonly Outcome[]): Promise<number> {
  const mine = outcomes.filter((o) => o.message.workspaceId === workspaceId);
  if (mine.length === 0) return 0;
  const recorded = await writeMessageEvents(
    tx,
    workspaceId,
    mine.map((o) => ({
      name: o.name,
      at: o.occurredAt,
      message: o.message,
      // rebuildMessageDaily reads a conversion's revenue from its properties.
      properties: o.name === "message_converted" ? { ...o.properties, revenue: o.revenue ?? 0 } : o.properties,
      revenue: o.name === "message_converted" ? (o.revenue ?? 0) : null,
    })),
  );
  const byName = new Map<string, Outcome[]>();
  for (const o of mine) byName.set(o.name, [...(byName.get(o.name) ?? []), o]);
  for (const [name, group] of byName) {
    // coalesce keeps the first time, so stamping a repeat changes nothing.
    if (isTimedOutcome(name))
      await tx.$executeRaw(
        stampMessagesSql(
          workspaceId,
          name,
          group.map((o) => o.message.id),
          group.map((o) => o.occurredAt.toISOString()),
        ),
      );
  }
  return recorded;
}
