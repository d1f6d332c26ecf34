export { nextSteps, type NextStep } from "./next-steps";
export {
  currencyOptions,
  currencySchema,
  DEFAULT_CURRENCY,
  formatMoney,
  workspaceSettingsSchema,
  type WorkspaceSettings,
} from "./currency";
