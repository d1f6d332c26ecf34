import { db } from "@/lib/db";
import type { DeliveryTotals } from "./metrics";
import { type MessageDimension, messageDailySql, type Span } from "./sql";
import type { Interval } from "./schema";

/** Delivery totals (message counts and unique profiles) per group of the given dimensions, from MessageDaily alone. */
export const readMessageDaily = <K extends string>(workspaceId: string, span: Span, dims: readonly MessageDimension[], options: { interval?: Interval; campaignId?: string } = {}) =>
  db.$queryRaw<(DeliveryTotals & Record<K, string>)[]>(messageDailySql(workspaceId, span, dims, options));

/** The totals of a row, without its dimensions. */
export const totalsOf = ({ sent, delivered, opens, clicks, conversions, unsubscribed, revenue, recipients, uniqueOpens, uniqueClickers, converters }: DeliveryTotals): DeliveryTotals => ({
  sent,
  delivered,
  opens,
  clicks,
  conversions,
  unsubscribed,
  revenue,
  recipients,
  uniqueOpens,
  uniqueClickers,
  converters,
});
