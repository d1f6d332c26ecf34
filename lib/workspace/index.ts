export { getWorkspaceActivity, type ActivityDay } from "./get-activity";
export { getWorkspaceOverview } from "./get-overview";
export { createWorkspace, createWorkspaceSchema } from "./create-workspace";
export { nextSteps, type NextStep } from "./next-steps";
