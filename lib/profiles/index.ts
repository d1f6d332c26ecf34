export { listProfiles, type ProfileRow } from "./list-profiles";
export { getProfile, type ProfileDetail } from "./get-profile";
export { listProfileEvents, type TimelineEvent } from "./list-profile-events";
export { listTraitCatalog, type CatalogEntry, type TraitFlagInfo } from "./list-trait-catalog";
export { setTraitFlag } from "./set-trait-flag";
export { listEventNames, listEventProperties, type EventProperty } from "./list-event-catalog";
export {
  profileListQuerySchema,
  eventListQuerySchema,
  eventPropertiesQuerySchema,
  PROFILE_SORTS,
  setTraitFlagSchema,
  TRAIT_FLAGS,
  type SetTraitFlagInput,
  type TraitFlagKind,
  type ProfileListQuery,
  type EventListQuery,
} from "./schema";
