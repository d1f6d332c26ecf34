import { z } from "zod";
import { isStorableText } from "@/lib/profiles/ingest/storable-text";
import { TRAIT_PREFIX, definitionSchema, propertyFilterSchema } from "@/lib/segments/schema";

/*
 * The one definition of a journey: a graph of steps (nodes) shared by the builder, the API and the
 * engine. Each node names the node each of its exits leads to in `exits` (exit name → node id);
 * lib/journeys/graph.ts says which exits a node has. The schema checks each node's own fields, so a
 * draft with unconnected exits or a missing template can still be saved; whether the graph can be
 * published (one entry, every exit connected, no cycles, …) is validateJourney's verdict.
 */

export const MAX_JOURNEY_NODES = 100;
export const MAX_WAIT_MINUTES = 90 * 24 * 60;
const MAX_FILTERS = 10;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "Ids are 1–40 letters, digits, - or _.");
// As in lib/segments/schema: the database stores neither NUL nor half an emoji.
const text = (max: number) =>
  z.string().max(max, `At most ${max} characters.`).refine(isStorableText, "Use valid Unicode text.");
const eventName = text(200).min(1, "Pick an event.");
const where = z.array(propertyFilterSchema).max(MAX_FILTERS, `At most ${MAX_FILTERS} property filters.`).default([]);
const referenceId = (message: string) => z.string().min(1, message).max(64);
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a time of day as HH:MM, e.g. 09:30.");
const minutes = z
  .number()
  .int("Use whole minutes.")
  .min(1, "Wait at least 1 minute.")
  .max(MAX_WAIT_MINUTES, "Wait at most 90 days.");

/** An event with property filters, the same filters the segment builder offers. */
export const journeyEventSchema = z.strictObject({ event: eventName, where });

const audience = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("segment"), segmentId: referenceId("Pick a segment.") }),
  z.strictObject({ type: z.literal("persona"), personaId: referenceId("Pick a persona.") }),
  z.strictObject({ type: z.literal("everyone") }),
]);

// Kept to what marketers schedule: every day or week at a UTC time, or once.
const cadence = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("daily"), at: timeOfDay }),
  z.strictObject({
    type: z.literal("weekly"),
    weekday: z.enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
    at: timeOfDay,
  }),
  z.strictObject({
    type: z.literal("once"),
    at: z.iso.datetime({ offset: true, message: "Use an ISO-8601 date and time, e.g. 2026-11-01T09:00:00Z." }),
  }),
]);

export const triggerSchema = z.discriminatedUnion("type", [
  journeyEventSchema.extend({ type: z.literal("event") }),
  z.strictObject({ type: z.literal("segment"), segmentId: referenceId("Pick a segment.") }),
  z.strictObject({ type: z.literal("persona"), personaId: referenceId("Pick a persona.") }),
  z.strictObject({ type: z.literal("schedule"), audience, cadence }),
]);

export const reentrySchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("once") }),
  z.strictObject({
    type: z.literal("after"),
    days: z.number().int("Use whole days.").min(1, "Use 1 day or more.").max(365, "At most 365 days."),
  }),
]);

export const waitSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("duration"), minutes }),
  // In the profile's own timezone: the next time the clock shows `at`.
  z.strictObject({ type: z.literal("local_time"), at: timeOfDay }),
  z.strictObject({ type: z.literal("best_hour") }),
  journeyEventSchema.extend({ type: z.literal("event"), timeoutMinutes: minutes }),
]);

export const splitConditionSchema = z.discriminatedUnion("type", [
  // Traits, events, segment and persona membership: whatever the segment builder can say.
  z.strictObject({ type: z.literal("segment"), definition: definitionSchema }),
  z.strictObject({
    type: z.literal("engagement"),
    action: z.enum(["opened", "clicked"]),
    sendNodeId: id,
  }),
]);

const arm = z.strictObject({
  name: id,
  percent: z.number().int("Use whole percentages.").min(1, "Give each arm at least 1 %.").max(100),
});

export const splitSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("condition"), condition: splitConditionSchema }),
  z.strictObject({
    type: z.literal("random"),
    arms: z
      .array(arm)
      .min(2, "Split into at least 2 arms.")
      .max(5, "Split into at most 5 arms.")
      .refine((arms) => new Set(arms.map((a) => a.name)).size === arms.length, "Give each arm its own name."),
    // Held out before the arms are drawn; they exit with reason "holdout" and are the experiment's control.
    holdoutPercent: z.number().int("Use a whole percentage.").min(0).max(50, "Hold out at most 50 %.").default(0),
  }),
]);

const base = {
  id,
  label: text(80).optional(),
  exits: z.record(id, id).default({}),
};

export const journeyNodeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...base, kind: z.literal("entry"), trigger: triggerSchema, reentry: reentrySchema }),
  z.strictObject({
    ...base,
    kind: z.literal("send"),
    // Only the id: the server resolves the channel and checks it is published (validateJourney's context).
    templateId: z.string().max(64).optional(),
    // Consent, frequency caps and quiet hours may skip a send; this says whether the profile goes on.
    onSkip: z.enum(["continue", "exit"]).default("continue"),
  }),
  z.strictObject({ ...base, kind: z.literal("wait"), wait: waitSchema }),
  z.strictObject({ ...base, kind: z.literal("split"), split: splitSchema }),
  z.strictObject({
    ...base,
    kind: z.literal("update_trait"),
    // Named as in segments (`traits.<key>`, at most 200 characters in all), so a segment can read it back.
    key: text(200 - TRAIT_PREFIX.length).min(1, "Name the trait."),
    value: z.union([text(500), z.number().refine(Number.isFinite, "Use a finite number."), z.boolean(), z.null()]),
  }),
  z.strictObject({
    ...base,
    kind: z.literal("webhook"),
    url: z.url({ protocol: /^https?$/, message: "Use an http:// or https:// address." }).max(2000),
    method: z.enum(["POST", "PUT"]).default("POST"),
    body: text(16_000).optional(),
  }),
  z.strictObject({ ...base, kind: z.literal("exit") }),
]);

export const goalSchema = journeyEventSchema.extend({
  windowDays: z.number().int("Use whole days.").min(1, "Use 1 day or more.").max(365, "At most 365 days."),
});

export const exitCriterionSchema = z.discriminatedUnion("type", [
  journeyEventSchema.extend({ type: z.literal("event") }),
  z.strictObject({ type: z.literal("segment"), definition: definitionSchema }),
]);

export const journeyDefinitionSchema = z
  .strictObject({
    version: z.literal(1).default(1),
    nodes: z
      .array(journeyNodeSchema)
      .min(1, "Add an entry.")
      .max(MAX_JOURNEY_NODES, `A journey has at most ${MAX_JOURNEY_NODES} steps.`),
    // Reaching the goal counts a conversion and exits the profile.
    goal: goalSchema.optional(),
    exitCriteria: z.array(exitCriterionSchema).max(MAX_FILTERS, `At most ${MAX_FILTERS} exit criteria.`).default([]),
  })
  .superRefine((definition, ctx) => {
    const seen = new Set<string>();
    definition.nodes.forEach((node, index) => {
      if (seen.has(node.id))
        ctx.addIssue({ code: "custom", message: `Step id "${node.id}" is used twice.`, path: ["nodes", index, "id"] });
      seen.add(node.id);
    });
  });

export type JourneyEvent = z.infer<typeof journeyEventSchema>;
export type Trigger = z.infer<typeof triggerSchema>;
export type Reentry = z.infer<typeof reentrySchema>;
export type Wait = z.infer<typeof waitSchema>;
export type Split = z.infer<typeof splitSchema>;
export type SplitCondition = z.infer<typeof splitConditionSchema>;
export type JourneyNode = z.infer<typeof journeyNodeSchema>;
export type JourneyNodeKind = JourneyNode["kind"];
export type Goal = z.infer<typeof goalSchema>;
export type ExitCriterion = z.infer<typeof exitCriterionSchema>;
export type JourneyDefinition = z.infer<typeof journeyDefinitionSchema>;
/** What the builder holds before parsing fills in defaults. */
export type JourneyDefinitionInput = z.input<typeof journeyDefinitionSchema>;
