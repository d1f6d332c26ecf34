// Server-side entry points of delivery for route handlers and pages.
export { createCampaign, updateCampaign } from "./create-campaign";
export { launchCampaign } from "./launch-campaign";
export { changeCampaignStatus, type CampaignAction } from "./campaign-status";
export { listCampaigns, type CampaignListItem } from "./list-campaigns";
export { getCampaign, listCampaignMessages, type CampaignDetail, type CampaignMessage } from "./get-campaign";
export { cachedPrelaunchSummary, prelaunchSummary, type PrelaunchSummary } from "./prelaunch-summary";
export * from "./api-schema";
