import "server-only";

export * from "./index";
export { assignArm, unitHash } from "./assign-arm";
export { experimentArms, type ExperimentArms } from "./experiment-arms";
export { recordExposures, type ExposureRow } from "./record-exposures";
export { createExperiment } from "./create-experiment";
export { updateExperiment } from "./update-experiment";
export { launchExperiment, type CampaignLauncher } from "./launch-experiment";
export { concludeExperiment } from "./conclude-experiment";
export { getExperiment, draftOf, type ExperimentDetail, type ExperimentVariant } from "./get-experiment";
export { listExperiments, type ExperimentListItem } from "./list-experiments";
export {
  getReadout,
  readoutBreakdown,
  type ExperimentReadout,
  type Breakdown,
  type BreakdownGroup,
  type BreakdownKind,
  type CumulativePoint,
} from "./get-readout";
export { refreshPendingReadouts } from "./readout-statistics";
export { planExperiment, type ExperimentPlan } from "./plan-experiment";
export { estimateLaunch } from "./estimate-launch";
export { editorOptions } from "./editor-options";
export { campaignLauncher } from "./campaign-launcher";
