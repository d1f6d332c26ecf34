import type { Prisma } from "@/lib/generated/prisma/client";

/*
 * What an experiment adds to a campaign's sends, as the sender sees it. Delivery does not import the
 * experiments module (experiments build on campaigns, not the other way round): whoever runs the
 * worker hands it an implementation — lib/experiments/send-experiments.ts.
 */

/** An experiment's arms for its campaign: a variant may carry its own template version and send delay. */
export type CampaignArms = {
  salt: string;
  holdoutShare: number;
  variants: { key: string; weight: number; versionId: string | null; sendDelayHours: number }[];
};

export type Exposure = { profileId: string; variantKey: string; exposedAt: Date };

export type SendExperiments = {
  armsOf(workspaceId: string, experimentId: string): Promise<CampaignArms>;
  /** The profile's arm: a variant's key, or the holdout's (measured, never sent). */
  armOf(arms: CampaignArms, profileId: string): { key: string; holdout: boolean };
  /** Runs in the sender's transaction, so a message and its exposure commit together. */
  recordExposures(
    tx: Prisma.TransactionClient,
    workspaceId: string,
    experimentId: string,
    rows: readonly Exposure[],
  ): Promise<unknown>;
};
