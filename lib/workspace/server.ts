import "server-only";

export * from "./index";
export { getWorkspaceActivity, type ActivityDay } from "./get-activity";
export { getWorkspaceOverview } from "./get-overview";
export { createWorkspace, createWorkspaceSchema } from "./create-workspace";
export { getWorkspaceSettings, getWorkspaceCurrency, updateWorkspaceSettings } from "./settings";
