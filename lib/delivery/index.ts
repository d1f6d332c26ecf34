export * from "./api-schema";
export {
  campaignInputSchema,
  type CampaignSchedule,
  type CampaignStatus,
  type CampaignInput,
  CAMPAIGN_STATUSES,
  type CampaignAudience,
} from "./schema";
export {
  policySchema,
  CAP_CHANNELS,
  type CapChannel,
  type FrequencyCap,
  type Topic,
  type WorkspacePolicy,
} from "./policy/schema";
export {
  KINDS_FOR_CHANNEL,
  providerChannelSchema,
  saveProviderSchema,
  testProviderSchema,
  type SaveProviderInput,
  type TestProviderInput,
} from "./providers/config-schema";
export { INAPP_CORS_HEADERS, withInAppCors } from "./inapp/cors";
export { inboxQuerySchema, inAppEventSchema } from "./inapp/schema";
export { outboxQuerySchema, type OutboxQuery } from "./outbox/schema";
export { preferencesInputSchema, type PreferencesInput } from "./tracking/preferences-schema";
export { skipReasonLabel } from "./policy/skip-reasons";
export { type ProviderKind, type SendResult } from "./providers/provider";
export { PROVIDER_FORMS, type ProviderField } from "./providers/provider-forms";
