import type { CampaignLauncher } from "./launch-experiment";

/**
 * The campaign launch the experiment's launch calls: lib/delivery's launchCampaign once delivery
 * provides it. Until then null: launching sets the experiment running and leaves its campaign a
 * draft for delivery to send.
 */
export const campaignLauncher: CampaignLauncher | null = null;
