import { db } from "@/lib/db";
import { runReportQuery } from "./run-report-query";
import { type DeliveryTotals, EMPTY_TOTALS } from "./metrics";
import { type MessageDimension, messageDailySql, type Span, type UniqueDimension, uniqueRecipientsSql } from "./sql";
import type { Interval } from "./schema";

type Counts = Pick<DeliveryTotals, "sent" | "delivered" | "opens" | "clicks" | "conversions" | "unsubscribed" | "revenue">;
type Uniques = Pick<DeliveryTotals, "recipients" | "uniqueOpens" | "uniqueClickers" | "converters">;

export const readMessageDaily = <K extends string>(workspaceId: string, span: Span, dims: readonly MessageDimension[], options: { interval?: Interval; campaignId?: string } = {}) =>
  db.$queryRaw<(Counts & Record<K, string>)[]>(messageDailySql(workspaceId, span, dims, options));

export const readUniques = <K extends string>(workspaceId: string, from: Date, until: Date, dims: readonly UniqueDimension[], campaignId?: string, oneOffCampaigns: readonly string[] = []) =>
  runReportQuery<(Uniques & Record<K, string>)[]>(uniqueRecipientsSql(workspaceId, from, until, dims, campaignId, oneOffCampaigns));

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
