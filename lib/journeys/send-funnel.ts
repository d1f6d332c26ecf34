import { measures } from "@/lib/analytics/metrics";
import { estimateRate } from "@/lib/analytics/uncertainty";
import type { SendFunnel } from "./api-schema";

/** A send step's message counts on one channel, as journeyStatsSql's `message` rows carry them. */
export type MessageCounts = {
  channel: string;
  queued: number;
  sent: number;
  delivered: number;
  opened: number;
  clicked: number;
  converted: number;
};

/**
 * A send step's funnel with the reports' metric definitions (lib/analytics/metrics): delivery rate =
 * delivered / sent, open rate = opened / delivered, CTR = clickers / delivered, conversion =
 * converted / delivered — an entry has one message a step, so messages are recipients here. Opens and
 * clicks divide only by deliveries on channels that can measure them, and are null when none can.
 */
export function sendFunnel(rows: readonly MessageCounts[]): SendFunnel | null {
  if (rows.length === 0) return null;
  const sum = (pick: (r: MessageCounts) => number, only?: (r: MessageCounts) => boolean) =>
    rows.filter((r) => !only || only(r)).reduce((s, r) => s + pick(r), 0);
  const opens = (r: MessageCounts) => measures(r.channel, "opens");
  const clicks = (r: MessageCounts) => measures(r.channel, "clicks");
  const delivered = sum((r) => r.delivered);
  return {
    channel: [...new Set(rows.map((r) => r.channel))].join(", "),
    queued: sum((r) => r.queued),
    sent: sum((r) => r.sent),
    delivered,
    opened: sum((r) => r.opened, opens),
    clicked: sum((r) => r.clicked, clicks),
    converted: sum((r) => r.converted),
    rates: {
      deliveryRate: estimateRate(
        delivered,
        sum((r) => r.sent),
      ),
      openRate: rows.some(opens)
        ? estimateRate(
            sum((r) => r.opened, opens),
            sum((r) => r.delivered, opens),
          )
        : null,
      ctr: rows.some(clicks)
        ? estimateRate(
            sum((r) => r.clicked, clicks),
            sum((r) => r.delivered, clicks),
          )
        : null,
      conversionRate: estimateRate(
        sum((r) => r.converted),
        delivered,
      ),
    },
  };
}
