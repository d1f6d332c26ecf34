// The pure side (no database): the schema, assignment and the calculator. Client components import
// "@/lib/experiments/schema" directly — assign-arm needs node:crypto.
export * from "./schema";
export { calculatePlan, TARGET_POWER, type Plan, type PlanInput, type Figure } from "./calculate-plan";
export { assessLaunch, noReachReason, type LaunchEstimate } from "./launch-estimate";
export { overrideNeeded } from "./conclusion-guard";
export {
  type Readout,
  type ArmSummary,
  type Estimate,
  type MetricReadout,
  type GuardrailReadout,
} from "./compute-readout";
export { readoutCsv } from "./readout-csv";
export { type Decision, MIN_EXPOSURES_PER_ARM } from "./stats/decision";
export { SRM_MIN_EXPOSURES } from "./stats/srm";
