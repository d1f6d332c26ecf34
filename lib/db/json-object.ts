/** A JSON column read as an object: the value when it is a plain JSON object, else {} (null, arrays, scalars). */
export const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
