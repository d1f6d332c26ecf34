import { db } from "@/lib/db";
import { runReportQuery } from "./run-report-query";
import { type DeliveryTotals, EMPTY_TOTALS } from "./metrics";
import { dayEnd, dayStart } from "./range";
import { campaignSpansSql, type MessageDimension, messageDailySql, type MultiSend, type Span, type UniqueDimension, uniqueRecipientsSql } from "./sql";
import type { Interval } from "./schema";

type Counts = Pick<DeliveryTotals, "sent" | "delivered" | "opens" | "clicks" | "conversions" | "unsubscribed" | "revenue">;
type Uniques = Pick<DeliveryTotals, "recipients" | "uniqueOpens" | "uniqueClickers" | "converters">;

export const readMessageDaily = <K extends string>(workspaceId: string, span: Span, dims: readonly MessageDimension[], options: { interval?: Interval; campaignId?: string } = {}) =>
  db.$queryRaw<(Counts & Record<K, string>)[]>(messageDailySql(workspaceId, span, dims, options));

/**
 * Unique profiles for a day span. `isOneOff` tells which campaigns deliver each profile at most once;
 * the others' delivered events are read, on the days the rollup has them on.
 */
export async function readUniques<K extends string>(workspaceId: string, span: Span, dims: readonly UniqueDimension[], isOneOff: (campaignId: string) => boolean, campaignId?: string) {
  const spans = await db.$queryRaw<{ campaignId: string; first: string; last: string }[]>(campaignSpansSql(workspaceId, span));
  const multi = spans.filter((s) => !isOneOff(s.campaignId) && (!campaignId || s.campaignId === campaignId));
  const multiSend: MultiSend =
    multi.length === 0
      ? null
      : { campaignIds: multi.map((s) => s.campaignId), from: dayStart(multi.map((s) => s.first).sort()[0]!), until: dayEnd(multi.map((s) => s.last).sort().at(-1)!) };
  return runReportQuery<(Uniques & Record<K, string>)[]>(uniqueRecipientsSql(workspaceId, dayStart(span.fromDay), dayEnd(span.toDay), dims, campaignId, multiSend));
}

/**
 * Joins rollup counts and unique profiles that share a key into full totals; keys missing on
 * one side count zero there.
 */
export function mergeByKey<C extends object, U extends object>(counts: C[], uniques: U[], key: (row: C | U) => string, oneOff: (row: C | U) => boolean = () => false): Map<string, DeliveryTotals> {
  const out = new Map<string, DeliveryTotals>();
  const add = (row: object, k: string) => {
    const current = out.get(k) ?? { ...EMPTY_TOTALS };
    for (const field of Object.keys(EMPTY_TOTALS) as (keyof DeliveryTotals)[]) {
      const value = (row as Record<string, unknown>)[field];
      if (typeof value === "number") current[field] += value;
    }
    out.set(k, current);
  };
  for (const row of counts) {
    add(row, key(row));
    // One message per profile: delivered messages are the profiles delivered.
    if (oneOff(row)) out.get(key(row))!.recipients += (row as { delivered?: number }).delivered ?? 0;
  }
  for (const row of uniques) add(row, key(row));
  return out;
}
