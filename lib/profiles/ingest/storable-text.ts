/**
 * PostgreSQL cannot store a NUL character in text or JSON, nor a UTF-16 surrogate without its pair
 * (JSON's "\ud800"): such a call would fail the batch's insert for every call in it. Found here, it
 * is refused on its own, with the field named.
 */
// Without the u flag the pattern sees UTF-16 code units: a high surrogate not followed by a low
// one, or a low one not preceded by a high one.
// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL's text cannot hold
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Whether PostgreSQL can store `text` (no NUL, no unpaired surrogate). */
export const isStorableText = (text: string) => !UNSTORABLE.test(text);
const unstorable = (text: string) => !isStorableText(text);

/** The dotted path of the first key or string in `value` that PostgreSQL cannot store, or null. */
export function unstorableTextAt(value: unknown, path = ""): string | null {
  if (typeof value === "string") return unstorable(value) ? path || "(item)" : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (unstorable(key)) return at;
    const found = unstorableTextAt(child, at);
    if (found) return found;
  }
  return null;
}
