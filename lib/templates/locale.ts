import { CHANNEL_SPECS } from "@/lib/templates/channels";
import { canonicalLocale } from "./locale-tag";
import type { ResolvedContent, TemplateContent } from "./schema";

/*
 * Which locale a recipient reads, field by field. A profile's locale is canonicalised
 * (case-insensitive, `de_AT` accepted) and shortened one subtag at a time: `de-AT` → `de` →
 * `default`; `zh-Hant-TW` → `zh-Hant` → `zh` → `default`. Each field is taken from the first
 * locale in that chain that defines it, so `de-AT` may override only the subject and read the
 * rest from `de` or `default`. An unknown or missing locale reads `default`.
 */

export const DEFAULT_LOCALE = "default";

/** The locales of `available` a profile locale falls back through, always ending in `default`. */
export function localeChain(profileLocale: string | null | undefined, available: readonly string[]): string[] {
  const byLowercase = new Map(available.map((key) => [key.toLowerCase(), key]));
  const chain: string[] = [];
  const subtags = (profileLocale ? canonicalLocale(profileLocale) : null)?.split("-") ?? [];
  for (let n = subtags.length; n > 0; n--) {
    const key = byLowercase.get(subtags.slice(0, n).join("-").toLowerCase());
    if (key && key !== DEFAULT_LOCALE) chain.push(key);
  }
  return [...chain, DEFAULT_LOCALE];
}

export type Resolved = ResolvedContent & {
  /** The locale each field came from; fields no locale defines are absent. */
  from: Record<string, string>;
};

/** The complete content a profile with this locale receives. */
export function resolveLocale(template: TemplateContent, profileLocale: string | null | undefined): Resolved {
  const locales = template.locales as Record<string, Record<string, unknown>>;
  const content: Record<string, unknown> = {};
  const from: Record<string, string> = {};
  for (const locale of localeChain(profileLocale, Object.keys(locales))) {
    for (const [field, value] of Object.entries(locales[locale] ?? {})) {
      if (value === undefined || field in content) continue;
      content[field] = value;
      from[field] = locale;
    }
  }
  return { channel: template.channel, content, from } as Resolved;
}

export type CompletenessRow = {
  locale: string;
  /** Per field of the channel: whether this locale defines it, and where its value comes from. */
  fields: Record<string, { defined: boolean; from: string | null }>;
  /** Fields this locale inherits. */
  inherited: string[];
};

/** One row per locale (default first) and one column per channel field. */
export function completenessMatrix(template: TemplateContent): CompletenessRow[] {
  const names = CHANNEL_SPECS[template.channel].fields.map((f) => f.name);
  const locales = template.locales as Record<string, Record<string, unknown>>;
  const keys = [
    DEFAULT_LOCALE,
    ...Object.keys(locales)
      .filter((k) => k !== DEFAULT_LOCALE)
      .sort(),
  ];
  return keys.map((locale) => {
    const { from } = resolveLocale(template, locale === DEFAULT_LOCALE ? null : locale);
    const fields = Object.fromEntries(
      names.map((name) => [name, { defined: locales[locale]?.[name] !== undefined, from: from[name] ?? null }]),
    );
    return { locale, fields, inherited: names.filter((name) => !fields[name]!.defined && fields[name]!.from !== null) };
  });
}
