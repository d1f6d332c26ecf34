import type { SmsAnalysis } from "./sms";
import type { Surface } from "@/lib/templates/channels/spec";

export type Severity = "error" | "warning" | "info";

/**
 * One thing the linter says about a template. `code` is stable (the UI and tests key on it);
 * `message` is for people. The optional parts carry what the editor needs to point at it.
 */
export type Finding = {
  severity: Severity;
  code: FindingCode;
  /** The field, dotted into lists: `body`, `buttons.2.label`; absent for the whole template. */
  field?: string;
  message: string;
  /** Locale the finding belongs to (`default`, `de-AT`), set by lintTemplate. */
  locale?: string;
  /** Position in the field's source, for Liquid findings. */
  line?: number;
  column?: number;
  /** The variable's key (`profile.first_name`), for variable findings; coverage figures key on it. */
  variable?: string;
  /** Where the text is cut and what is still seen, for truncation findings. */
  surface?: Surface;
  visible?: { limit: number; shown: string; hidden: string };
  /** Encoding, units, parts and UCS-2 characters, for SMS findings. */
  sms?: Pick<SmsAnalysis, "encoding" | "units" | "parts" | "perPart" | "remaining" | "ucs2Chars">;
  /** A measured number: links, characters, bytes, items. */
  count?: number;
  /** Whether lengths were measured on the Liquid source or on a rendered sample. */
  basis?: "source" | "sample";
  /**
   * For `liquid.no_default`: how many of the target audience have the variable (lib/templates/coverage-findings.ts).
   */
  coverage?: Coverage;
};

/**
 * Of `total` profiles (an audience, or the workspace), `withValue` have the catalog key `key`; `share` is null when
 * total is 0.
 */
export type Coverage = { key: string; withValue: number; total: number; share: number | null; of: "audience" | "all" };

export const FINDING_CODES = [
  "liquid.syntax",
  "liquid.unknown_variable",
  "liquid.no_default",
  "liquid.refused_trait",
  "liquid.render_failed",
  "field.too_long",
  "field.too_many_items",
  "field.invalid_url",
  "sms.encoding",
  "sms.multipart",
  "sms.opt_out_missing",
  "field.truncated",
  "email.unsubscribe_missing",
  "email.text_missing",
  "email.links",
  "email.too_many_links",
  "email.mjml_invalid",
  "email.active_content",
  "email.clipped",
  "json.invalid",
  "messenger.caption_too_long",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
