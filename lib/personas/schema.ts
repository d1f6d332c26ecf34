import { z } from "zod";
import { CHANNELS } from "@/lib/profiles/channels";
import { definitionSchema, segmentNameSchema } from "@/lib/segments/schema";

/*
 * The one definition of a persona: the story a product manager writes, the claims it makes about
 * its audience, and how it was validated. Shared by the editor, the API and the evaluator.
 *
 * Assumptions are structured so the app can check them against the bound segment's audience:
 * - share: "≥ 60 % are on iOS" — the share of the audience whose <dimension> equals <value>
 *   (profiles with no value count in the denominator: a claim about "the audience" is about all of it);
 * - metric: "median LTV > 200" — a statistic of a computed trait over the whole audience;
 * - active_hours: "most active 18–22 h" — more than <minShare> % of the profiles with a known active
 *   hour (in the profile's own timezone, as ingest computes it) have it in [from, to);
 * - channel_preference: "prefers push over e-mail" — the audience's open or click rate on <channel>
 *   is higher than on <over>; rates follow docs/product.md (unique opens or clicks / delivered);
 * - text: a free claim the app cannot check; it is shown as "not checkable".
 */

export const PRIORITIES = ["price", "quality", "sustainability", "convenience"] as const;
export const TONES = ["friendly", "expert", "playful", "formal", "empathetic", "bold"] as const;
export const VALIDATION_METHODS = ["survey", "interviews", "analytics", "usability_test"] as const;
export const SHARE_DIMENSIONS = ["platform", "country", "locale", "favouriteCategory"] as const;
export const METRICS = ["ltv", "ordersCount", "aov"] as const;
export const STATS = ["median", "mean"] as const;
export const RESPONSE_RATES = ["open", "click"] as const;
/** The research recommends at least this many survey responses before a persona counts as validated. */
export const RECOMMENDED_SAMPLE_SIZE = 1000;
/** A persona not validated for this many calendar months is stale. */
export const STALE_AFTER_MONTHS = 6;

export type Priority = (typeof PRIORITIES)[number];
export type Tone = (typeof TONES)[number];
export type ValidationMethod = (typeof VALIDATION_METHODS)[number];
export type ShareDimension = (typeof SHARE_DIMENSIONS)[number];
export type Metric = (typeof METRICS)[number];

const assumptionId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Assumption ids are 1–40 letters, digits, - or _.");
const percent = z.number({ error: "Enter a percentage." }).min(0, "At least 0 %.").max(100, "At most 100 %.");

export const shareAssumptionSchema = z.strictObject({
  kind: z.literal("share"),
  id: assumptionId,
  dimension: z.enum(SHARE_DIMENSIONS, { error: "Pick what the share is of." }),
  value: z.string().trim().min(1, "Enter the value, e.g. ios.").max(200),
  op: z.enum(["at_least", "at_most"]),
  percent,
});
export const metricAssumptionSchema = z.strictObject({
  kind: z.literal("metric"),
  id: assumptionId,
  metric: z.enum(METRICS, { error: "Pick a metric." }),
  stat: z.enum(STATS),
  op: z.enum(["gt", "lt"]),
  value: z.number({ error: "Enter a number." }).finite(),
});
export const activeHoursAssumptionSchema = z
  .strictObject({
    kind: z.literal("active_hours"),
    id: assumptionId,
    from: z.number().int().min(0).max(23, "Hours run 0–23."),
    to: z.number().int().min(1).max(24, "Hours run to 24."),
    minShare: percent.default(50),
  })
  .refine((a) => a.to > a.from, { message: "The window must end after it starts.", path: ["to"] });
export const channelPreferenceAssumptionSchema = z
  .strictObject({
    kind: z.literal("channel_preference"),
    id: assumptionId,
    channel: z.enum(CHANNELS),
    over: z.enum(CHANNELS),
    rate: z.enum(RESPONSE_RATES).default("click"),
  })
  .refine((a) => a.channel !== a.over, { message: "Compare two different channels.", path: ["over"] });
export const textAssumptionSchema = z.strictObject({
  kind: z.literal("text"),
  id: assumptionId,
  text: z.string().trim().min(1, "Write the assumption.").max(300, "At most 300 characters."),
});

export const assumptionSchema = z.discriminatedUnion("kind", [
  shareAssumptionSchema,
  metricAssumptionSchema,
  activeHoursAssumptionSchema,
  channelPreferenceAssumptionSchema,
  textAssumptionSchema,
]);
export type Assumption = z.infer<typeof assumptionSchema>;

const line = z.string().trim().min(1, "Remove empty lines.").max(300, "At most 300 characters per line.");
const lines = z.array(line).max(20, "At most 20 entries.");
const uniqueList = <T extends z.ZodType>(item: T, what: string) =>
  z.array(item).refine((list) => new Set(list).size === list.length, { message: `Each ${what} appears once.` });

export const toneSchema = z.strictObject({
  voice: z.enum(TONES, { error: "Pick a tone of voice." }).nullable().default(null),
  example: z.string().trim().max(300, "At most 300 characters.").default(""),
});

export const personaNameSchema = z.string().trim().min(1, "Give the persona a name.").max(80, "At most 80 characters.");

/** The story fields, each optional so the editor can autosave one section at a time. */
export const personaFieldsSchema = z.strictObject({
  name: personaNameSchema,
  summary: z.string().trim().max(160, "Keep the summary to one line (160 characters)."),
  narrative: z.string().trim().max(5000, "At most 5,000 characters."),
  goals: lines,
  painPoints: lines,
  motivations: lines,
  objections: lines,
  jobsToBeDone: lines,
  priorities: uniqueList(z.enum(PRIORITIES), "priority"),
  channels: uniqueList(z.enum(CHANNELS), "channel"),
  tone: toneSchema,
  assumptions: z
    .array(assumptionSchema)
    .max(20, "At most 20 assumptions.")
    .refine((list) => new Set(list.map((a) => a.id)).size === list.length, {
      message: "Assumption ids must be unique.",
    }),
  // null unbinds; a string binds an existing segment.
  segmentId: z.string().min(1).max(64).nullable(),
});
export type PersonaFields = z.infer<typeof personaFieldsSchema>;

/** Binding a segment defined inline in the persona editor: it is saved as a segment of its own. */
export const inlineSegmentSchema = z.strictObject({ name: segmentNameSchema, definition: definitionSchema });

export const createPersonaSchema = personaFieldsSchema.partial().extend({
  name: personaNameSchema,
  newSegment: inlineSegmentSchema.optional(),
});
export const updatePersonaSchema = personaFieldsSchema.partial().extend({
  newSegment: inlineSegmentSchema.optional(),
});
export type CreatePersonaInput = z.infer<typeof createPersonaSchema>;
export type UpdatePersonaInput = z.infer<typeof updatePersonaSchema>;

/** A sub-persona: its segment is the parent's segment AND one more condition (a segment node). */
export const createSubPersonaSchema = z.strictObject({
  name: personaNameSchema,
  summary: z.string().trim().max(160).default(""),
  condition: definitionSchema.shape.root.shape.children.element,
});
export type CreateSubPersonaInput = z.infer<typeof createSubPersonaSchema>;

export const recordValidationSchema = z.strictObject({
  method: z.enum(VALIDATION_METHODS, { error: "Pick how the persona was validated." }),
  validatedAt: z.coerce
    .date({ error: "Enter the date of the validation." })
    .refine((d) => d.getTime() <= Date.now() + 24 * 3600_000, {
      message: "The validation date cannot be in the future.",
    }),
  sampleSize: z.number().int("Whole people only.").min(1, "At least 1.").max(10_000_000).nullable().default(null),
  notes: z.string().trim().max(2000, "At most 2,000 characters.").default(""),
});
export type RecordValidationInput = z.infer<typeof recordValidationSchema>;
