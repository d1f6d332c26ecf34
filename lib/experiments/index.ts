// The pure side (no database): the schema, assignment and the calculator. Client components import
// "@/lib/experiments/schema" directly — assign-arm needs node:crypto.
export * from "./schema";
export { assignArm, unitHash } from "./assign-arm";
export { calculatePlan, TARGET_POWER, type Plan, type PlanInput, type Figure } from "./calculate-plan";
export { assessLaunch, noReachReason, type LaunchEstimate } from "./launch-estimate";
export { overrideNeeded } from "./conclusion-guard";
export type { Readout, ArmSummary, Estimate, MetricReadout, GuardrailReadout } from "./compute-readout";
