// Safe for client components: the schema and pure helpers only (no database).
export * from "./schema";
export { assignArm, unitHash } from "./assign-arm";
export { calculatePlan, TARGET_POWER, type Plan, type PlanInput, type Figure } from "./calculate-plan";
export type { Readout, ArmSummary, Estimate, MetricReadout, GuardrailReadout } from "./compute-readout";
