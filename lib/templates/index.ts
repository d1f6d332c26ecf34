export * from "./channels";
export * from "./schema";
export { analyzeSms, isGsm7Char, SMS_LIMITS, type SmsAnalysis, type SmsEncoding } from "./sms";
export { parseErrors } from "./parse-errors";
export { extractVariables, type VariableUse } from "./extract-variables";
export { checkVariables, SYSTEM_VARIABLES, type TraitFlag, type VariableCatalog } from "./check-variables";
export { render, type LiquidContext, type RenderResult } from "./render";
export type { LiquidProblem } from "./liquid-engine";
export {
  COMPUTED_TRAITS,
  FIRST_CLASS_FIELDS,
  liquidPath,
  liquidProperty,
  profileLiquidContext,
  type ProfileRow,
} from "./profile-context";
export { blocksToMjml, UNSUBSCRIBE_HREF, withPreheader } from "./blocks-to-mjml";
export { renderEmail, type EmailHtml } from "./render-email";
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
export { lintContent, lintTemplate } from "./lint";
export type { LintOptions } from "./lint-text";
export { FINDING_CODES, type Finding, type FindingCode, type Severity } from "./finding";
