export {
  signToken,
  verifyToken,
  clickUrl,
  openPixelUrl,
  unsubscribeUrl,
  TOKEN_KINDS,
  type TokenKind,
  type TrackingToken,
  type MessageRef,
} from "./token";
export { trackLinks, storedLinks, LINKS_KEY, type TrackedContent } from "./track-links";
export { trackingBaseUrl } from "./base-url";
export { followTrackedLink, recordOpen } from "./follow-link";
export { loadPreferences, updatePreferences, type Preferences } from "./preferences";
export { preferencesInputSchema, type PreferencesInput } from "./preferences-schema";
export { recordOutcomes, type Outcome, type TrackedMessage } from "./record-outcomes";
export { attributeConversions, type IngestedEvent } from "./attribute-conversions";
