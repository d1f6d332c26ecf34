import type { SendExperiments } from "@/lib/delivery/worker/experiment-port";
import { assignArm } from "./assign-arm";
import { experimentArms } from "./experiment-arms";
import { recordExposures } from "./record-exposures";
import { HOLDOUT } from "./schema";

/** What the delivery worker needs from experiments: each campaign's arms, a profile's arm, its exposures. */
export const sendExperiments: SendExperiments = {
  async armsOf(workspaceId, experimentId) {
    const arms = await experimentArms(workspaceId, experimentId);
    return {
      salt: arms.salt,
      holdoutShare: arms.holdoutShare,
      variants: arms.variants.map((v) => ({ ...v, sendDelayHours: v.sendOption?.sendDelayHours ?? 0 })),
    };
  },
  armOf(arms, profileId) {
    const key = assignArm(arms.salt, profileId, arms.variants, arms.holdoutShare);
    return { key, holdout: key === HOLDOUT };
  },
  recordExposures,
};
