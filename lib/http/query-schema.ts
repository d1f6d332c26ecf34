import { z } from "zod";

/*
 * Pieces of the zod schemas for ids and query strings, shared by the modules' request shapes.
 */

/** An object's id as a route or a query gives it. */
export const idSchema = (what: string) =>
  z
    .string({ error: `Give the ${what} id.` })
    .trim()
    .min(1, `Give the ${what} id.`)
    .max(64, `That is not a ${what} id.`);

/** Query strings send `segmentId=` for "none": an empty value means absent. */
export const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** `limit` in a query string: a whole number from 1 to `max`, `fallback` when absent or blank. */
export const limitSchema = (max: number, fallback: number) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce
      .number({ error: "limit is a number." })
      .int("limit is a whole number.")
      .min(1, "limit is at least 1.")
      .max(max, `limit is at most ${max}.`)
      .default(fallback),
  );
