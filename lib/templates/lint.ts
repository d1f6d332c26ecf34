import { CHANNEL_SPECS } from "@/lib/templates/channels";
import { MESSENGER_CAPTION_MAX } from "@/lib/templates/channels/messenger";
import { type FieldSpec, type Surface } from "@/lib/templates/channels/spec";
import type { Finding } from "./finding";
import { lintEmail } from "./lint-email";
import { lintJson } from "./lint-json";
import { lintSms } from "./lint-sms";
import { lintText, type LintOptions } from "./lint-text";
import { DEFAULT_LOCALE, resolveLocale } from "./locale";
import type { ResolvedContent, TemplateContent } from "./schema";

/** Which surfaces a channel's text is seen on: in-app, only its chosen layout's. */
function surfacesOf(resolved: ResolvedContent): readonly Surface[] | undefined {
  return resolved.channel === "in_app" ? [resolved.content.layout] : undefined;
}

/** The generic checks of every field its spec describes as text or a list of texts. */
function lintFields(resolved: ResolvedContent, options: LintOptions) {
  const content = resolved.content as Record<string, unknown>;
  const surfaces = surfacesOf(resolved);
  const findings: Finding[] = [];
  const texts = new Map<string, { text: string; basis: "source" | "sample" }>();
  for (const spec of CHANNEL_SPECS[resolved.channel].fields as readonly FieldSpec[]) {
    const value = content[spec.name];
    // A push deep link may use the app's own scheme (shop://orders); every other URL is http(s).
    const extra = {
      surfaces,
      urls: resolved.channel === "push" && spec.name === "url" ? ("any" as const) : ("web" as const),
    };
    if (typeof value === "string" && spec.kind !== "choice") {
      const result = lintText(value, spec, spec.name, options, extra);
      findings.push(...result.findings);
      texts.set(spec.name, result);
      if (spec.kind === "json" && value.trim() !== "" && !result.findings.some((f) => f.code === "liquid.syntax"))
        findings.push(...lintJson(result.text, spec.name, spec.label, result.basis));
    } else if (Array.isArray(value) && spec.kind === "list") {
      if (spec.maxItems !== undefined && value.length > spec.maxItems) {
        findings.push({
          severity: "error",
          code: "field.too_many_items",
          field: spec.name,
          count: value.length,
          message: `${spec.label}: ${value.length}, at most ${spec.maxItems}.`,
        });
      }
      value.forEach((item: Record<string, unknown>, i) => {
        for (const itemSpec of spec.items ?? []) {
          const itemValue = item[itemSpec.name];
          if (typeof itemValue === "string")
            findings.push(
              ...lintText(itemValue, itemSpec, `${spec.name}.${i}.${itemSpec.name}`, options, extra).findings,
            );
        }
      });
    }
  }
  return { findings, texts };
}

/** Every finding for one locale's complete content. */
export async function lintContent(resolved: ResolvedContent, options: LintOptions): Promise<Finding[]> {
  const { findings, texts } = lintFields(resolved, options);
  if (resolved.channel === "sms") {
    const body = texts.get("body");
    if (body) findings.push(...lintSms(body.text, body.basis, options.optOutWords));
  } else if (resolved.channel === "email") {
    findings.push(...(await lintEmail(resolved.content, options)));
  } else if (resolved.channel === "messenger" && resolved.content.imageUrl) {
    const text = texts.get("text");
    const chars = Array.from(text?.text ?? "").length;
    if (chars > MESSENGER_CAPTION_MAX) {
      findings.push({
        severity: "error",
        code: "messenger.caption_too_long",
        field: "text",
        count: chars,
        basis: text?.basis,
        message: `With an image the message is a caption: ${chars} characters, at most ${MESSENGER_CAPTION_MAX}.`,
      });
    }
  }
  return findings;
}

/**
 * Every locale of a template, each finding tagged with its locale. A locale reports only the
 * fields it defines itself (default reports the rest), so an inherited field's finding is
 * listed once, where it can be fixed.
 */
export async function lintTemplate(template: TemplateContent, options: LintOptions): Promise<Finding[]> {
  const all: Finding[] = [];
  for (const locale of [DEFAULT_LOCALE, ...Object.keys(template.locales).filter((k) => k !== DEFAULT_LOCALE)]) {
    const resolved = resolveLocale(template, locale === DEFAULT_LOCALE ? null : locale);
    for (const finding of await lintContent(resolved, options)) {
      const source = resolved.from[finding.field?.split(".")[0] ?? ""] ?? DEFAULT_LOCALE;
      if (source === locale) all.push({ ...finding, locale });
    }
  }
  return all;
}
