// Reports: one function per report — the seam a distributed engine would sit behind
// (docs/design-brief.md "Scale-out path"). See docs/reports.md.
export {
  METRIC_DEFINITIONS,
  deliveryRates,
  type MetricKey,
  type DeliveryTotals,
  type DeliveryRates,
  type ProportionKey,
  RATE_PARTS,
  rateEstimate,
  measures,
} from "./metrics";
export * from "./schema";
export { resolveRange, previousRange, type DayRange } from "./range";
export { MIN_RATE_N, type RateEstimate, estimateRate, wilsonInterval } from "./uncertainty";
