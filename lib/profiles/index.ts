export { listProfiles, type ProfileRow } from "./list-profiles";
export { getProfile, type ProfileDetail } from "./get-profile";
export { listProfileEvents, type TimelineEvent } from "./list-profile-events";
export { listTraitCatalog, type CatalogEntry } from "./list-trait-catalog";
export { listEventNames, listEventProperties, type EventProperty } from "./list-event-catalog";
export { profileListQuerySchema, eventListQuerySchema, eventPropertiesQuerySchema, PROFILE_SORTS, type ProfileListQuery, type EventListQuery } from "./schema";
