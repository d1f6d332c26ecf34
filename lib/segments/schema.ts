import { z } from "zod";
import { CHANNELS } from "@/lib/profiles/channels";
import { isStorableText } from "@/lib/profiles/ingest/storable-text";

/*
 * The one definition of a segment: a condition tree shared by the builder, the API, the SQL
 * compiler and the in-memory evaluator the tests check the compiler against. Semantics, exactly:
 *
 * Values. A field's value is *missing* when the column is NULL or, for `traits.<key>`, when the key
 * is absent or its JSON value is not of the condition's type (a string "42" is not the number 42;
 * a date is a JSON string that parses as an ISO-8601 date or timestamp; without an offset it is UTC). `traits.<key>`
 * names one
 * top-level key literally: dots, quotes or `$` in it are part of the key, never a path.
 * Missing values fail every comparison except the negative ones (`not_equals`, `not_in`, `neq`)
 * and `not_exists`, which they pass: "country is not Germany" includes people with no country.
 * String comparisons are exact and case-sensitive (the same answer on every database collation).
 * `between` is inclusive at both ends.
 *
 * Time. Every evaluation has one `now`. "Last N hours" starts at now − N h. "Last N days" starts at
 * 00:00 UTC of the day N days before today (UTC): today counts, so it covers N whole days plus
 * today so far — the shape daily rollups can answer exactly. Event windows have no upper bound
 * (an event stamped slightly in the future counts as today); `between` windows are inclusive
 * timestamps. A date trait is "within the last N" when cutoff ≤ value ≤ now and "more than N ago"
 * when value < cutoff.
 *
 * Events. An event condition looks at the profile's events with that name whose properties pass
 * every filter (a filter on a missing property follows the rules above). `count` compares the
 * number in the window with N (so "at most 2" and "exactly 0" include people who never did it);
 * `not_performed` is a count of zero in the window; `first` / `last` test whether the first / last
 * such event of all time falls inside the window.
 *
 * Reachability: consent for the channel is true AND the channel's address exists (lib/profiles/channels).
 * Membership: the profile is in the other segment (its definition, or its uploaded members when static).
 * Persona: the profile is in the persona's bound segment (a persona with none matches no one: an error).
 * Groups: `and` of no children is true, `or` of no children is false. `not` negates any node.
 */

export const MAX_DEPTH = 8;
export const MAX_NODES = 120;
const MAX_LIST = 1000;

const nodeId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Node ids are 1–40 letters, digits, - or _.");
// The database can neither store nor compare a NUL or an unpaired UTF-16 surrogate (half an emoji).
const text = z
  .string()
  .max(500, "At most 500 characters.")
  .refine(isStorableText, "Use valid Unicode text, without NUL characters.");
// The database's timestamps have no year 0 (ISO's 0000 is 1 BC); four-digit years from 1 on.
const instant = z.iso
  .datetime({ offset: true, message: "Use an ISO-8601 date and time, e.g. 2026-11-01T00:00:00Z." })
  .refine((v) => new Date(v).getUTCFullYear() >= 1, "Use a date from the year 1 on.");
const amount = z.number().int("Use a whole number.").min(1, "Use 1 or more.").max(3650, "At most 3650.");
const timeUnit = z.enum(["hours", "days"]);

const stringComparison = z.discriminatedUnion("op", [
  z.strictObject({
    type: z.literal("string"),
    op: z.enum(["equals", "not_equals", "contains", "starts_with", "ends_with"]),
    value: text.min(1, "Enter a value."),
  }),
  z.strictObject({
    type: z.literal("string"),
    op: z.enum(["in", "not_in"]),
    values: z.array(text.min(1, "Values cannot be empty.")).min(1, "Add at least one value.").max(MAX_LIST),
  }),
  z.strictObject({ type: z.literal("string"), op: z.enum(["exists", "not_exists"]) }),
]);

const finite = z.number().refine(Number.isFinite, "Use a finite number.");
const numberComparison = z.discriminatedUnion("op", [
  z.strictObject({ type: z.literal("number"), op: z.enum(["eq", "neq", "gt", "gte", "lt", "lte"]), value: finite }),
  z
    .strictObject({ type: z.literal("number"), op: z.literal("between"), min: finite, max: finite })
    .refine((c) => c.min <= c.max, { message: "The lower bound must not exceed the upper one.", path: ["max"] }),
  z.strictObject({ type: z.literal("number"), op: z.enum(["exists", "not_exists"]) }),
]);

const booleanComparison = z.discriminatedUnion("op", [
  z.strictObject({ type: z.literal("boolean"), op: z.literal("is"), value: z.boolean() }),
  z.strictObject({ type: z.literal("boolean"), op: z.enum(["exists", "not_exists"]) }),
]);

const dateComparison = z.discriminatedUnion("op", [
  z.strictObject({ type: z.literal("date"), op: z.enum(["before", "after"]), value: instant }),
  z
    .strictObject({ type: z.literal("date"), op: z.literal("between"), from: instant, to: instant })
    .refine((c) => Date.parse(c.from) <= Date.parse(c.to), {
      message: "The start must not be after the end.",
      path: ["to"],
    }),
  z.strictObject({ type: z.literal("date"), op: z.enum(["within_last", "more_than_ago"]), amount, unit: timeUnit }),
  z.strictObject({ type: z.literal("date"), op: z.enum(["exists", "not_exists"]) }),
]);

/** A typed comparison of one value: the same operators serve traits and event properties. */
export const comparisonSchema = z.discriminatedUnion("type", [
  stringComparison,
  numberComparison,
  booleanComparison,
  dateComparison,
]);

/** Profile columns and computed traits a condition can name, with their types. */
export const PROFILE_FIELDS = {
  externalId: "string",
  email: "string",
  phone: "string",
  locale: "string",
  timezone: "string",
  country: "string",
  city: "string",
  platform: "string",
  ordersCount: "number",
  ltv: "number",
  aov: "number",
  lastPurchaseAt: "date",
  firstSeenAt: "date",
  lastSeenAt: "date",
  favouriteCategory: "string",
  activeHour: "number",
  // Whole days between lastSeenAt and now; missing when never seen.
  daysSinceLastSeen: "number",
} as const satisfies Record<string, ValueType>;

export type ValueType = "string" | "number" | "boolean" | "date";
export type ProfileField = keyof typeof PROFILE_FIELDS;
export const TRAIT_PREFIX = "traits.";

const field = text.refine(
  (f) => f in PROFILE_FIELDS || (f.startsWith(TRAIT_PREFIX) && f.length > TRAIT_PREFIX.length && f.length <= 200),
  {
    message: `Unknown field: use a profile field (${Object.keys(PROFILE_FIELDS).join(", ")}) or traits.<name>.`,
  },
);

export const traitConditionSchema = z
  .object({ kind: z.literal("trait"), id: nodeId, not: z.boolean().optional(), field, comparison: comparisonSchema })
  .refine((c) => !(c.field in PROFILE_FIELDS) || PROFILE_FIELDS[c.field as ProfileField] === c.comparison.type, {
    message: "This field's type does not fit the comparison.",
    path: ["comparison", "type"],
  });

export const propertyFilterSchema = z.strictObject({
  key: text.min(1, "Name the property.").max(200),
  comparison: comparisonSchema,
});

export const eventWindowSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("ever") }),
  z.strictObject({ type: z.literal("last"), amount, unit: timeUnit }),
  z
    .strictObject({ type: z.literal("between"), from: instant, to: instant })
    .refine((w) => Date.parse(w.from) <= Date.parse(w.to), {
      message: "The start must not be after the end.",
      path: ["to"],
    }),
]);

export const eventMeasureSchema = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("count"),
    op: z.enum(["at_least", "exactly", "at_most"]),
    count: z.number().int("Use a whole number.").min(0).max(1_000_000),
  }),
  z.strictObject({ type: z.literal("not_performed") }),
  z.strictObject({ type: z.literal("first") }),
  z.strictObject({ type: z.literal("last") }),
]);

export const eventConditionSchema = z.strictObject({
  kind: z.literal("event"),
  id: nodeId,
  not: z.boolean().optional(),
  event: text.min(1, "Pick an event.").max(200),
  where: z.array(propertyFilterSchema).max(10, "At most 10 property filters.").default([]),
  measure: eventMeasureSchema,
  window: eventWindowSchema,
});

export const reachableConditionSchema = z.strictObject({
  kind: z.literal("reachable"),
  id: nodeId,
  not: z.boolean().optional(),
  channel: z.enum(CHANNELS),
});

export const membershipConditionSchema = z.strictObject({
  kind: z.literal("membership"),
  id: nodeId,
  not: z.boolean().optional(),
  segmentId: z.string().min(1, "Pick a segment.").max(64),
});

export const groupSchema = z.strictObject({
  kind: z.literal("group"),
  id: nodeId,
  not: z.boolean().optional(),
  op: z.enum(["and", "or"]),
  get children(): z.ZodArray<typeof nodeSchema> {
    return z.array(nodeSchema).max(MAX_NODES);
  },
});

// In a persona: in the persona's bound segment, whatever that segment is when the query runs.
export const personaConditionSchema = z.strictObject({
  kind: z.literal("persona"),
  id: nodeId,
  not: z.boolean().optional(),
  personaId: z.string().min(1, "Pick a persona.").max(64),
});
export const nodeSchema = z.discriminatedUnion("kind", [
  groupSchema,
  traitConditionSchema,
  eventConditionSchema,
  reachableConditionSchema,
  membershipConditionSchema,
  personaConditionSchema,
]);

/** Walks a tree depth-first, parents before children. */
export function* walk(node: SegmentNode, depth = 1): Generator<{ node: SegmentNode; depth: number }> {
  yield { node, depth };
  if (node.kind === "group") for (const child of node.children) yield* walk(child, depth + 1);
}

export const definitionSchema = z
  .object({ version: z.literal(1).default(1), root: groupSchema })
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    let count = 0;
    for (const { node, depth } of walk(definition.root)) {
      count++;
      if (seen.has(node.id))
        ctx.addIssue({ code: "custom", message: `Node id "${node.id}" is used twice.`, path: ["root"] });
      seen.add(node.id);
      if (depth > MAX_DEPTH)
        ctx.addIssue({ code: "custom", message: `Groups nest at most ${MAX_DEPTH} levels deep.`, path: ["root"] });
    }
    if (count > MAX_NODES)
      ctx.addIssue({
        code: "custom",
        message: `A segment has at most ${MAX_NODES} conditions and groups.`,
        path: ["root"],
      });
  });

export type Comparison = z.infer<typeof comparisonSchema>;
export type TraitCondition = z.infer<typeof traitConditionSchema>;
export type PropertyFilter = z.infer<typeof propertyFilterSchema>;
export type EventWindow = z.infer<typeof eventWindowSchema>;
export type EventMeasure = z.infer<typeof eventMeasureSchema>;
export type EventCondition = z.infer<typeof eventConditionSchema>;
export type ReachableCondition = z.infer<typeof reachableConditionSchema>;
export type MembershipCondition = z.infer<typeof membershipConditionSchema>;
export type PersonaCondition = z.infer<typeof personaConditionSchema>;
export type SegmentCondition =
  TraitCondition | EventCondition | ReachableCondition | MembershipCondition | PersonaCondition;
export type SegmentGroup = z.infer<typeof groupSchema>;
export type SegmentNode = z.infer<typeof nodeSchema>;
export type SegmentDefinition = z.infer<typeof definitionSchema>;

/** The segment API's bodies: a dynamic segment carries a definition, a static one its members (CSV). */
export const segmentNameSchema = z
  .string()
  .trim()
  .min(1, "Give the segment a name.")
  .max(120, "At most 120 characters.");
export const createSegmentSchema = z.object({
  name: segmentNameSchema,
  description: z.string().trim().max(1000).default(""),
  definition: definitionSchema,
});
export const updateSegmentSchema = z.object({
  name: segmentNameSchema.optional(),
  description: z.string().trim().max(1000).optional(),
  definition: definitionSchema.optional(),
});
export type CreateSegmentInput = z.infer<typeof createSegmentSchema>;
export type UpdateSegmentInput = z.infer<typeof updateSegmentSchema>;

/** A static segment: a CSV whose first (or `external_id` / `email`) column lists the members. */
export const createStaticSegmentSchema = z.object({
  name: segmentNameSchema,
  description: z.string().trim().max(1000).default(""),
  fileName: z.string().trim().min(1).max(200).default("members.csv"),
  csv: z
    .string()
    .min(1, "The file is empty.")
    .max(16 * 1024 * 1024, "Upload files up to 16 MB."),
});
export type CreateStaticSegmentInput = z.infer<typeof createStaticSegmentSchema>;
/** The upload dialog: a name and the chosen file (read into `csv` when sent). */
export const staticSegmentFormSchema = z.object({
  name: segmentNameSchema,
  file: z.custom<File>((v) => typeof File !== "undefined" && v instanceof File, { message: "Choose a CSV file." }),
});

/** The builder's live questions about an unsaved definition. */
export const previewSegmentSchema = z.object({ definition: definitionSchema, selfId: z.string().max(64).optional() });
export const sampleSegmentSchema = previewSegmentSchema.extend({ limit: z.number().int().min(1).max(50).default(10) });
export const explainSegmentSchema = previewSegmentSchema.extend({
  profile: z.string().trim().min(1, "Enter a profile id or e-mail.").max(200),
});
