import "server-only";

// Server-side entry points of delivery for route handlers and pages.
export * from "./index";
export { createCampaign, updateCampaign } from "./create-campaign";
export { launchCampaign } from "./launch-campaign";
export { changeCampaignStatus, type CampaignAction } from "./campaign-status";
export { listCampaigns, type CampaignListItem } from "./list-campaigns";
export { getCampaign, listCampaignMessages, type CampaignDetail, type CampaignMessage } from "./get-campaign";
export { cachedPrelaunchSummary, prelaunchSummary, type PrelaunchSummary } from "./prelaunch-summary";
export { loadStoredPolicy } from "./policy/load-policy";
export { savePolicy } from "./policy/save-policy";
export { listProviders, type ProviderSettings } from "./providers/list-providers";
export { saveProvider } from "./providers/save-provider";
export { testProvider } from "./providers/test-provider";
export { listOutbox, type OutboxFilters } from "./outbox/list-outbox";
export { listInbox } from "./inapp/list-inbox";
export { verifyUserHash, identitySecret, rotateIdentitySecret } from "./inapp/identity";
export { recordInAppEvent } from "./inapp/record-inapp-event";
export { recordOpen, followTrackedLink } from "./tracking/follow-link";
export { updatePreferences, type Preferences, loadPreferences } from "./tracking/preferences";
export { EDITABLE_STATUSES } from "./campaign-rules";
export { campaignFormOptions } from "./form-options";
export { type OutboxRow, outboxCampaigns, outboxRows } from "./outbox/outbox-rows";
