import { z } from "zod";
import { archivedQuerySchema } from "@/lib/segments/archive-state";
import { JOURNEY_EXIT_REASONS, JOURNEY_STATUSES } from "./entry-states";
import { journeyDefinitionSchema } from "./schema";

/*
 * The request and response shapes of the journey routes (docs/journeys.md, "API"), shared by the
 * API and the builder. Request objects are strict so a misspelt key is a 400 naming it.
 */

export const journeyNameSchema = z
  .string({ error: "Give the journey a name." })
  .trim()
  .min(1, "Give the journey a name.")
  .max(200, "At most 200 characters.");

/** POST /api/journeys: a new draft journey. */
export const createJourneySchema = z.strictObject({ name: journeyNameSchema });
export type CreateJourneyInput = z.infer<typeof createJourneySchema>;

/** GET /api/journeys: archived journeys only with `archived=show`, as other lists. */
export const listJourneysQuerySchema = archivedQuerySchema;

/**
 * POST /api/journeys/[id]/publish: the saved draft when `definition` is left out (or the body is
 * empty), else this definition — checked by publishJourney, which answers 422 naming `nodes.<i>.…`.
 */
export const publishJourneySchema = z.strictObject({ definition: z.unknown().optional() });

/** POST /api/journeys/[id]/status. Draft is where a journey starts, never a status to go back to. */
export const journeyStatusChangeSchema = z.strictObject({
  status: z.enum(["live", "paused", "archived"], { error: "status is live, paused or archived." }),
});
export type JourneyStatusChange = z.infer<typeof journeyStatusChangeSchema>["status"];

/** A published version's number, in a route or a query string. */
export const journeyVersionNumberSchema = z.coerce
  .number({ error: "version is a number." })
  .int("version is a whole number.")
  .min(1, "version is 1 or more.")
  .max(1_000_000, "version is at most 1000000.");

/** GET /api/journeys/[id]/stats: the current version unless `version` names another. */
export const journeyStatsQuerySchema = z.object({
  version: z.preprocess((v) => (v === "" ? undefined : v), journeyVersionNumberSchema.optional()),
});

const status = z.enum(JOURNEY_STATUSES);
const exitReason = z.enum(Object.keys(JOURNEY_EXIT_REASONS) as [keyof typeof JOURNEY_EXIT_REASONS]);
const count = z.number().int().min(0);
const isoTime = z.string();

export const journeyListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  status,
  /** The current published version's number; null until the first publish. */
  version: z.number().int().nullable(),
  /** Over every version: entries, entries still in the journey, entries that reached the goal. */
  entered: count,
  inJourney: count,
  converted: count,
  updatedAt: isoTime,
});
export type JourneyListItem = z.infer<typeof journeyListItemSchema>;

export const journeyVersionSummarySchema = z.object({
  version: z.number().int(),
  publishedAt: isoTime,
  publishedBy: z.string(),
});
export type JourneyVersionSummary = z.infer<typeof journeyVersionSummarySchema>;

export const journeyDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  status,
  version: z.number().int().nullable(),
  /** The builder's saved draft; null until one is saved. */
  draft: journeyDefinitionSchema.nullable(),
  createdBy: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** Newest first. */
  versions: z.array(journeyVersionSummarySchema),
});
export type JourneyDetail = z.infer<typeof journeyDetailSchema>;

export const journeyIssueSchema = z.object({ nodeId: z.string().optional(), field: z.string(), message: z.string() });

/** PUT /api/journeys/[id]/draft answers with the draft as saved and what would stop it being published. */
export const savedJourneyDraftSchema = z.object({
  draft: journeyDefinitionSchema,
  issues: z.array(journeyIssueSchema),
  savedAt: isoTime,
});
export type SavedJourneyDraft = z.infer<typeof savedJourneyDraftSchema>;

export const journeyVersionDetailSchema = journeyVersionSummarySchema.extend({
  journeyId: z.string(),
  current: z.boolean(),
  definition: journeyDefinitionSchema,
});
export type JourneyVersionDetail = z.infer<typeof journeyVersionDetailSchema>;

const byExitReason = z.partialRecord(exitReason, count);

/** A proportion as the reports show it (lib/analytics estimateRate): n, 95 % Wilson interval, too few to draw. */
export const rateEstimateSchema = z.object({
  value: z.number().nullable(),
  numerator: count,
  n: count,
  interval: z.object({ low: z.number(), high: z.number() }).nullable(),
  tooFew: z.boolean(),
});

/**
 * A send step's funnel on the reports' basis (docs/product.md "Attribution basis"): each stage counts
 * only messages in the stage below it, and each rate divides by its own stage. A rate is null when the
 * step's channel cannot measure that stage (opens on SMS, …).
 */
export const sendFunnelSchema = z.object({
  channel: z.string(),
  /** Messages the step queued (a policy skip at the step queues none). */
  queued: count,
  sent: count,
  delivered: count,
  opened: count,
  clicked: count,
  /** Delivered messages followed by the goal within the journey's window (Message.convertedAt). */
  converted: count,
  rates: z.object({
    deliveryRate: rateEstimateSchema,
    openRate: rateEstimateSchema.nullable(),
    ctr: rateEstimateSchema.nullable(),
    conversionRate: rateEstimateSchema,
  }),
});
export type SendFunnel = z.infer<typeof sendFunnelSchema>;

const armGoalSchema = z.object({ name: z.string(), n: count, converted: count, rate: rateEstimateSchema });
const comparisonSchema = z.union([
  z.object({ ok: z.literal(true), value: z.number(), ciLow: z.number(), ciHigh: z.number(), pValue: z.number() }),
  z.object({ ok: z.literal(false), reason: z.string() }),
]);

/**
 * A random split read as an experiment (lib/experiments/stats, as the A/B readout): goal conversion
 * per arm, every arm's relative lift over the first, the decision sentence; and, with a holdout,
 * the arms together against it — the absolute difference in goal rate (arms − holdout).
 */
export const randomSplitStatsSchema = z.object({
  nodeId: z.string(),
  arms: z.array(armGoalSchema),
  holdout: armGoalSchema.nullable(),
  lifts: z.array(z.object({ name: z.string(), lift: comparisonSchema })),
  decision: z.string(),
  holdoutDifference: comparisonSchema.nullable(),
});
export type RandomSplitStats = z.infer<typeof randomSplitStatsSchema>;

export const journeyNodeStatsSchema = z.object({
  nodeId: z.string(),
  kind: z.string(),
  label: z.string().nullable(),
  /** Entries that reached the step (its n): passed it, are in it now, or exited there before running it. */
  reached: count,
  /** In it now: about to run it (active) or waiting in it. */
  now: count,
  /** Ran it (JourneyStep rows), and by which exit they left it (exits named by the step: next, yes, an arm…). */
  passed: count,
  byExit: z.record(z.string(), count),
  /** Left the journey at this step, by reason. */
  exited: byExitReason,
  /** Of those who passed it, how many reached the goal; and per exit (a split's branches and arms). */
  converted: count,
  convertedByExit: z.record(z.string(), count),
  /** A send step's messages (its campaign's, one per entry that ran it); null for other steps. */
  messages: sendFunnelSchema.nullable(),
});
export type JourneyNodeStats = z.infer<typeof journeyNodeStatsSchema>;

export const journeyStatsSchema = z.object({
  journeyId: z.string(),
  /** The version counted; null before the first publish (then nodes is empty and every count 0). */
  version: z.number().int().nullable(),
  /** When the counts were read (one statement, one snapshot). */
  asOf: isoTime,
  totals: z.object({
    /** Entries on this version: the n of every rate below. */
    entered: count,
    inJourney: count,
    exited: byExitReason,
    /** Reached the goal within its window, also after exiting (the holdout's conversions included). */
    converted: count,
  }),
  /** The goal: converted / entered, and from entry to goal (entries outside the holdout) in seconds. */
  goal: z.object({
    rate: rateEstimateSchema,
    timeToGoal: z.object({ n: count, medianSeconds: z.number().nullable(), p90Seconds: z.number().nullable() }),
  }),
  nodes: z.array(journeyNodeStatsSchema),
  randomSplits: z.array(randomSplitStatsSchema),
});
export type JourneyStats = z.infer<typeof journeyStatsSchema>;
