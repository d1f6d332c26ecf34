import { db } from "@/lib/db/client";
import { type DeliveryTotals, EMPTY_TOTALS } from "./metrics";
import { type MessageDimension, messageDailySql, type Span } from "./sql";
import type { Interval } from "./schema";

/** Delivery totals (message counts and unique profiles) per group of the given dimensions, from MessageDaily alone. */
export const readMessageDaily = <K extends string>(
  workspaceId: string,
  span: Span,
  dims: readonly MessageDimension[],
  options: { interval?: Interval; campaignId?: string } = {},
) => db.$queryRaw<(DeliveryTotals & Record<K, string>)[]>(messageDailySql(workspaceId, span, dims, options));

/** The totals of a row, without its dimensions. */
export const totalsOf = (row: DeliveryTotals): DeliveryTotals =>
  Object.fromEntries((Object.keys(EMPTY_TOTALS) as (keyof DeliveryTotals)[]).map((k) => [k, row[k]])) as DeliveryTotals;
