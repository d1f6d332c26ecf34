import "server-only";

export * from "./index";
export { listProfiles, type ProfileRow } from "./list-profiles";
export { getProfile, type ProfileDetail } from "./get-profile";
export { listProfileEvents, type TimelineEvent } from "./list-profile-events";
export { listTraitCatalog, type CatalogEntry, type TraitFlagInfo } from "./list-trait-catalog";
export { setTraitFlag } from "./set-trait-flag";
export { listEventNames, listEventProperties, type EventProperty } from "./list-event-catalog";
export { handleSingleRequest, handleBatchRequest } from "./ingest/http";
export { foldStatus, type FoldStatus, type LaneStatus } from "./intake/fold-status";
export { dataAsOf, type DataAsOf } from "./intake/data-as-of";
export {
  ingestHealth,
  HOLD_BACK_AFTER_MS,
  type IngestHealth,
  type OpenTransaction,
  type RefusedCall,
} from "./intake/ingest-health";
