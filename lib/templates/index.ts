export * from "./channels";
export * from "./schema";
export { analyzeSms, isGsm7Char, SMS_LIMITS, type SmsAnalysis, type SmsEncoding } from "./sms";
export { parseErrors } from "./parse-errors";
export { extractVariables, type VariableUse } from "./extract-variables";
export { checkVariables, SYSTEM_VARIABLES, type TraitFlag, type VariableCatalog } from "./check-variables";
export { render, type LiquidContext, type RenderResult } from "./render";
export { type LiquidProblem } from "./liquid-engine";
export {
  COMPUTED_TRAITS,
  FIRST_CLASS_FIELDS,
  liquidPath,
  liquidProperty,
  profileLiquidContext,
  type ProfileRow,
  isShadowed,
} from "./profile-context";
export { blocksToMjml, UNSUBSCRIBE_HREF, withPreheader } from "./blocks-to-mjml";
export { htmlToText } from "./html-to-text";
export { canonicalLocale, LOCALE_TAG } from "./locale-tag";
export {
  completenessMatrix,
  DEFAULT_LOCALE,
  localeChain,
  resolveLocale,
  type CompletenessRow,
  type Resolved,
} from "./locale";
export { type LintOptions } from "./lint-text";
export { FINDING_CODES, type Finding, type FindingCode, type Severity } from "./finding";
export * from "./api-schema";
export { starterContent } from "./starter-content";
export { lineDiff, type DiffLine } from "./line-diff";
export { withCoverage, formatShare } from "./coverage-findings";
export { type ChannelSpec, type FieldSpec, type Surface, SURFACE_LABELS } from "./channels/spec";
export { PUSH_SPEC } from "./channels/push";
export { IN_APP_SPEC, type IN_APP_LAYOUTS } from "./channels/in-app";
export { MESSENGER_BUTTONS_PER_ROW } from "./channels/messenger";
export { WEB_PUSH_SPEC } from "./channels/web-push";
export { sideBySide, type SideCell } from "./side-by-side";
export { channelShape } from "./channel-shape";
