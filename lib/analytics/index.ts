// Reports: one function per report — the seam a distributed engine would sit behind
// (docs/design-brief.md "Scale-out path"). See docs/reports.md.
export {
  getOverview,
  type Overview,
  type SeriesPoint,
  type CampaignRow,
  type BreakdownRow,
  type TotalsWithRates,
} from "./get-overview";
export { getCampaignReport, type CampaignReport } from "./get-campaign-report";
export { getRetention, type Retention, type RetentionCohort } from "./get-retention";
export { getExperimentRetention, type ExperimentRetention, type ArmCurve } from "./get-experiment-retention";
export { getFunnel, type Funnel, type FunnelStep, type FunnelGroup } from "./get-funnel";
export { listReportOptions, type ReportOptions } from "./list-report-options";
export { cachedReport, clearReportCache, dataVersion, type Cached, type CacheState } from "./cache";
export { METRIC_DEFINITIONS, deliveryRates, type MetricKey, type DeliveryTotals, type DeliveryRates } from "./metrics";
export * from "./schema";
export { resolveRange, previousRange, type DayRange } from "./range";
