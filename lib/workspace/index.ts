export { getWorkspaceActivity, type ActivityDay } from "./get-activity";
export { getWorkspaceOverview } from "./get-overview";
export { createWorkspace, createWorkspaceSchema } from "./create-workspace";
export { nextSteps, type NextStep } from "./next-steps";
export { getWorkspaceSettings, getWorkspaceCurrency, updateWorkspaceSettings } from "./settings";
export {
  currencyOptions,
  currencySchema,
  DEFAULT_CURRENCY,
  formatMoney,
  workspaceSettingsSchema,
  type WorkspaceSettings,
} from "./currency";
