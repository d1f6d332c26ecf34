/**
 * A value of unknown shape (a trait, a stored config field, a chart's label) as text: strings as
 * they are, numbers and booleans spelled out, objects and arrays as JSON, null and undefined as
 * `empty` — never "[object Object]". Client-safe.
 */
export function displayValue(value: unknown, empty = ""): string {
  if (value === null || value === undefined) return empty;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value) ?? empty;
}
