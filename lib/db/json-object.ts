import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";

/** A JSON column read as an object: the value when it is a plain JSON object, else {} (null, arrays, scalars). */
export const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * A value bound for a JSON column. Prisma's input type cannot express "validated by our zod schema"; the schema did.
 */
export const asJsonInput = (value: unknown) => value as InputJsonValue;
