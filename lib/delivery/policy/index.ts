export {
  evaluatePolicy,
  countForCap,
  profileTimeZone,
  type PolicyInput,
  type PolicyDecision,
  type PolicyProfile,
  type RecentSend,
} from "./evaluate-policy";
export { hasChannelAddress } from "./has-address";
export { defaultTimezoneOf, loadPolicy, loadStoredPolicy, policyFromRow, type StoredPolicy } from "./load-policy";
export { recentSendsFor, capWindowStart } from "./recent-sends";
export { savePolicy } from "./save-policy";
export {
  CAP_CHANNELS,
  DEFAULT_POLICY,
  QUIET_HOURS_ACTIONS,
  capSchema,
  policySchema,
  quietHoursSchema,
  topicSchema,
  type CapChannel,
  type FrequencyCap,
  type QuietHours,
  type Topic,
  type WorkspacePolicy,
} from "./schema";
export { SKIP_REASONS, SKIP_REASON_LABELS, skipReasonLabel, type SkipReason } from "./skip-reasons";
