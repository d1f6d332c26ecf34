/*
 * Locale tags as Tailor stores them: BCP-47 language, optional script and region, in canonical
 * case (`de`, `de-AT`, `zh-Hant-TW`, `es-419`). Profiles' locales arrive in any case and often in
 * POSIX form (`de_AT`, `de_AT.UTF-8`), so they are canonicalised before matching.
 */
export const LOCALE_TAG = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|[0-9]{3}))?$/;

/** `de_at.UTF-8` → `de-AT`; null when the text does not start with a language subtag. */
export function canonicalLocale(input: string): string | null {
  const [language, ...rest] = input
    .trim()
    .replace(/[.@].*$/, "")
    .split(/[-_]/);
  if (!language || !/^[A-Za-z]{2,3}$/.test(language)) return null;
  const subtags = [language.toLowerCase()];
  for (const part of rest) {
    if (/^[A-Za-z]{4}$/.test(part)) subtags.push(part[0]!.toUpperCase() + part.slice(1).toLowerCase());
    else if (/^([A-Za-z]{2}|[0-9]{3})$/.test(part)) subtags.push(part.toUpperCase());
    else subtags.push(part.toLowerCase());
  }
  return subtags.join("-");
}
