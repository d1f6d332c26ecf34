import { randomUUID } from "node:crypto";
import type { IngestItem } from "./schema";
import { inRange, LIMITS } from "./schema";

/** A call reduced to what storage needs, times corrected for the sender's clock. */
export type Call = {
  index: number;
  kind: "identify" | "track" | "alias";
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  previousId: string | null;
  name: string;
  occurredAt: Date;
  /** When Tailor received the call (the request's arrival, also when the intake folds it later). */
  receivedAt: Date;
  properties: Record<string, unknown>;
  traits: Record<string, unknown>;
  context: Record<string, unknown>;
};

export type Rejection = { index: number; messageId: string | null; field: string; reason: string };

/**
 * Event time = timestamp + (received − sentAt) when the sender says when it sent the call: that
 * cancels a device clock that is off. Times more than a day ahead, or corrected out of the stored
 * range, are refused.
 */
export function normalizeCall(
  item: IngestItem,
  index: number,
  receivedAt: Date,
  batchSentAt?: string,
): Call | Rejection {
  const messageId = item.messageId ?? randomUUID();
  const sentAt = item.sentAt ?? batchSentAt;
  const stamp = item.timestamp ? new Date(item.timestamp) : receivedAt;
  const skew = sentAt ? receivedAt.getTime() - new Date(sentAt).getTime() : 0;
  const occurredAt = new Date(stamp.getTime() + (item.timestamp ? skew : 0));
  if (occurredAt.getTime() - receivedAt.getTime() > LIMITS.futureMs) {
    return { index, messageId, field: "timestamp", reason: "The timestamp is more than 24 hours in the future." };
  }
  if (!inRange(occurredAt)) {
    return {
      index,
      messageId,
      field: "sentAt",
      reason: "sentAt is so far from the time the call arrived that the corrected timestamp falls before 1970.",
    };
  }
  const base = {
    index,
    messageId,
    userId: item.userId ?? null,
    anonymousId: item.anonymousId ?? null,
    previousId: null,
    occurredAt,
    receivedAt,
    properties: {},
    traits: {},
    context: item.context ?? {},
  };
  switch (item.type) {
    case "identify":
      return { ...base, kind: "identify", name: "$identify", traits: item.traits };
    case "track":
      return { ...base, kind: "track", name: item.event, properties: item.properties };
    case "page":
    case "screen":
      return {
        ...base,
        kind: "track",
        name: `${item.type}_view`,
        properties: { ...(item.name ? { name: item.name } : {}), ...item.properties },
      };
    case "alias":
      return {
        ...base,
        kind: "alias",
        name: "$alias",
        previousId: item.previousId,
        properties: { previousId: item.previousId },
      };
  }
}

export const isRejection = (value: Call | Rejection): value is Rejection => "reason" in value;
