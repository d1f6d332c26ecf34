import type { Tx } from "@/lib/db/client";
import { recordOutcomes, type Outcome } from "./record-outcomes";
import { lastMessagesBeforeSql } from "./sql";

/** An event ingest just inserted (new, not a replay). */
export type IngestedEvent = {
  profileId: string;
  name: string;
  occurredAt: Date;
  messageId: string;
  revenue: number | null;
};

type Candidate = {
  eventId: string;
  occurredAt: string;
  revenue: string | null;
  id: string;
  profileId: string;
  campaignId: string;
  variantId: string | null;
  channel: string;
  personaId: string | null;
  sentAt: Date | null;
  converted: boolean;
};

/**
 * Last-touch attribution, called by ingest in the transaction that inserted `events`
 * (docs/delivery.md, "Attribution"): a `purchase`, or the goal event of some campaign, converts
 * the LAST message delivered (or sent) to that profile before it — among the campaigns it is a
 * conversion for, within each one's attribution window — unless that message already converted.
 * Writes message_converted (with the event's revenue), Message.convertedAt and MessageDaily.
 * One query for the batch; events that convert nothing cost only that query. Returns how many
 * messages converted.
 */
export async function attributeConversions(
  tx: Tx,
  workspaceId: string,
  events: readonly IngestedEvent[],
): Promise<number> {
  const candidates = events.filter((e) => !e.name.startsWith("$") && !e.name.startsWith("message_"));
  if (candidates.length === 0) return 0;
  const rows = await tx.$queryRaw<Candidate[]>(
    lastMessagesBeforeSql(workspaceId, {
      profileIds: candidates.map((e) => e.profileId),
      names: candidates.map((e) => e.name),
      occurredAt: candidates.map((e) => e.occurredAt.toISOString()),
      eventIds: candidates.map((e) => e.messageId),
      revenues: candidates.map((e) =>
        e.revenue === null || !Number.isFinite(e.revenue) ? null : e.revenue.toFixed(2),
      ),
    }),
  );
  // Rows come in event order: the first event to reach a message converts it, later ones do not.
  const outcomes: Outcome[] = [];
  const taken = new Set<string>();
  for (const row of rows) {
    if (row.converted || taken.has(row.id)) continue;
    taken.add(row.id);
    const occurredAt = new Date(row.occurredAt.endsWith("Z") ? row.occurredAt : `${row.occurredAt}Z`);
    outcomes.push({
      message: {
        workspaceId,
        id: row.id,
        profileId: row.profileId,
        campaignId: row.campaignId,
        variantId: row.variantId,
        channel: row.channel,
        personaId: row.personaId,
        sentAt: row.sentAt,
      },
      name: "message_converted",
      occurredAt,
      properties: { event: row.eventId },
      revenue: row.revenue === null ? 0 : Number(row.revenue),
    });
  }
  return recordOutcomes(tx, workspaceId, outcomes);
}
