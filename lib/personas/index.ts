export * from "./schema";
export { addMonthsUtc, freshness, isStale, type Freshness } from "./freshness";
export {
  describeAssumption,
  evaluateAssumptions,
  personaWarnings,
  tallyVerdicts,
  type AssumptionStatus,
  type AssumptionVerdict,
  type AudienceStats,
  type Distribution,
  type ChannelResponse,
  responseMargin,
} from "./evaluate-assumptions";
export { LTV_BUCKET_LABELS, ORDER_BUCKET_LABELS } from "./buckets";
export { type GalleryCard, type GalleryFilters, type GalleryView, galleryFiltersSchema, galleryView } from "./gallery";
export { STORY_KEYS } from "./story";
export { type ComparedDimension, type Figure, compareAudiences } from "./compare-audiences";
