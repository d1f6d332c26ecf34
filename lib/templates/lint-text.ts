import { SURFACE_LABELS, type FieldSpec, type Surface } from "@/lib/templates/channels/spec";
import { checkVariables, type VariableCatalog } from "./check-variables";
import { extractVariables } from "./extract-variables";
import type { Finding } from "./finding";
import { parseErrors } from "./parse-errors";
import { render, type LiquidContext } from "./render";

export type LintOptions = {
  catalog: VariableCatalog;
  /** A sample recipient: lengths, SMS parts and JSON are then checked on the rendered text. */
  sample?: LiquidContext;
  /** Words that count as an SMS opt-out instruction; SMS_OPT_OUT_WORDS when left out. */
  optOutWords?: readonly string[];
};

export type TextCheck = Pick<
  FieldSpec,
  "label" | "kind" | "liquid" | "maxLength" | "maxBytes" | "recommendedLength" | "visible"
>;

const HAS_LIQUID = /\{\{|\{%/;
const length = (text: string) => Array.from(text).length;

function isUrl(text: string, kind: "web" | "any"): boolean {
  try {
    const url = new URL(text.trim());
    return kind === "any"
      ? /^[a-z][a-z0-9+.-]*:$/.test(url.protocol)
      : url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * Liquid, length, truncation and URL checks of one text field. Returns the findings and the
 * text the channel checks go on measuring: the rendered sample when there is one and it renders,
 * else the source.
 */
export function lintText(
  source: string,
  check: TextCheck,
  field: string,
  options: LintOptions,
  extra: { surfaces?: readonly Surface[]; urls?: "web" | "any" } = {},
): { findings: Finding[]; text: string; basis: "source" | "sample" } {
  const findings: Finding[] = [];
  let text = source;
  let basis: "source" | "sample" = "source";
  if (check.liquid) {
    const [syntax] = parseErrors(source);
    if (syntax)
      return {
        findings: [
          {
            severity: "error",
            code: "liquid.syntax",
            field,
            message: `${check.label}: ${syntax.message}`,
            line: syntax.line,
            column: syntax.column,
          },
        ],
        text,
        basis,
      };
    findings.push(...checkVariables(extractVariables(source), options.catalog).map((f) => ({ ...f, field })));
    if (options.sample) {
      const rendered = render(source, options.sample);
      if (rendered.ok) [text, basis] = [rendered.output, "sample"];
      else
        findings.push({
          severity: "error",
          code: "liquid.render_failed",
          field,
          message: `${check.label} does not render for the sample: ${rendered.problem.message}`,
          line: rendered.problem.line,
          column: rendered.problem.column,
        });
    }
  }
  const chars = length(text);
  const of = basis === "sample" ? " (rendered for the sample)" : "";
  if (check.maxLength !== undefined && chars > check.maxLength) {
    findings.push({
      severity: "error",
      code: "field.too_long",
      field,
      count: chars,
      basis,
      message: `${check.label} is ${chars} characters${of}; at most ${check.maxLength}.`,
    });
  } else if (check.recommendedLength !== undefined && chars > check.recommendedLength) {
    findings.push({
      severity: "warning",
      code: "field.too_long",
      field,
      count: chars,
      basis,
      message: `${check.label} is ${chars} characters${of}; keep it to ${check.recommendedLength} or fewer.`,
    });
  }
  const bytes = new TextEncoder().encode(text).length;
  if (check.maxBytes !== undefined && bytes > check.maxBytes) {
    findings.push({
      severity: "error",
      code: "field.too_long",
      field,
      count: bytes,
      basis,
      message: `${check.label} is ${bytes} bytes${of}; at most ${check.maxBytes}.`,
    });
  }
  for (const surface of extra.surfaces ?? (Object.keys(check.visible ?? {}) as Surface[])) {
    const limit = check.visible?.[surface];
    if (limit === undefined || chars <= limit) continue;
    const points = Array.from(text);
    findings.push({
      severity: "warning",
      code: "field.truncated",
      field,
      surface,
      basis,
      count: chars,
      visible: { limit, shown: points.slice(0, limit).join(""), hidden: points.slice(limit).join("") },
      message: `${check.label} is cut after about ${limit} characters on ${SURFACE_LABELS[surface]}${of}.`,
    });
  }
  if (
    check.kind === "url" &&
    text.trim() !== "" &&
    (basis === "sample" || !HAS_LIQUID.test(text)) &&
    !isUrl(text, extra.urls ?? "web")
  ) {
    findings.push({
      severity: "error",
      code: "field.invalid_url",
      field,
      basis,
      message: `${check.label} is not a valid ${extra.urls === "any" ? "" : "http(s) "}URL${of}.`,
    });
  }
  return { findings, text, basis };
}
