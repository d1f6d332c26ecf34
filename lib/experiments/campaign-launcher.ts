import { launchCampaign } from "@/lib/delivery/launch-campaign";
import type { CampaignLauncher } from "./launch-experiment";

/** The campaign launch the experiment's launch calls: lib/delivery's launchCampaign. */
export const campaignLauncher: CampaignLauncher | null = launchCampaign;
