import { launchCampaign } from "@/lib/delivery/launch-campaign";
import type { CampaignLauncher } from "./launch-experiment";

/** The campaign launch the experiment's launch calls: lib/delivery's launchCampaign, for an experiment's campaign. */
export const campaignLauncher: CampaignLauncher | null = (actor, campaignId) =>
  launchCampaign(actor, campaignId, { forExperiment: true });
