export {
  profileListQuerySchema,
  eventListQuerySchema,
  eventPropertiesQuerySchema,
  PROFILE_SORTS,
  setTraitFlagSchema,
  ingestHealthQuerySchema,
  TRAIT_FLAGS,
  type SetTraitFlagInput,
  type TraitFlagKind,
  type ProfileListQuery,
  type EventListQuery,
} from "./schema";
export { CHANNEL_INFO, type Channel, CHANNELS } from "./channels";
export { PENDING_COUNT_CAP } from "./intake/lanes";
