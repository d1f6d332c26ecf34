import "server-only";

export * from "./index";
export {
  getOverview,
  type Overview,
  type SeriesPoint,
  type CampaignRow,
  type BreakdownRow,
  type TotalsWithRates,
} from "./get-overview";
export { getCampaignReport, type CampaignReport } from "./get-campaign-report";
export { getRetention, type Retention, type RetentionCohort, type RetentionPoint } from "./get-retention";
export { getExperimentRetention, type ExperimentRetention, type ArmCurve } from "./get-experiment-retention";
export { getFunnel, type Funnel, type FunnelStep, type FunnelGroup } from "./get-funnel";
export { listReportOptions, type ReportOptions } from "./list-report-options";
export { cachedReport, clearReportCache, dataVersion, type Cached, type CacheState } from "./cache";
