import { z } from "zod";
import { campaignAudienceSchema, campaignScheduleSchema } from "@/lib/delivery/schema";
import { TEMPLATE_CHANNELS } from "@/lib/templates/channels";

/*
 * One definition of an experiment, shared by the editor, the API, the sender (experimentArms) and
 * the readout. An experiment targets its audience and channel through a draft Campaign created with
 * it (experimentId set); variants are published template versions, or the control's version sent at
 * another time or frequency. Weights split the traffic that is not held out.
 */

export const EXPERIMENT_STATUSES = ["draft", "running", "concluded"] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

export const MIN_VARIANTS = 2;
export const MAX_VARIANTS = 8;
export const DEFAULT_HOLDOUT = 0.1;
/** The reserved arm key of the profiles that get nothing. */
export const HOLDOUT = "holdout";
/** Keys by position: the control is A. */
export const variantKey = (position: number) => String.fromCharCode(65 + position);

const hours = (label: string) =>
  z
    .number({ error: `Enter the ${label.toLowerCase()} in hours.` })
    .int(`${label}: whole hours.`)
    .min(1, `${label}: at least 1 hour.`)
    .max(24 * 30, `${label}: at most 30 days.`);

export const metricSchema = z.discriminatedUnion("kind", [
  // The goal event within `windowHours` after exposure; the unit is the exposed profile.
  z.object({
    kind: z.literal("conversion"),
    event: z.string().trim().min(1, "Pick the goal event.").max(200),
    windowHours: hours("Attribution window"),
  }),
  // Clicks / deliveries of this campaign's messages per exposed profile (a ratio metric, never a binomial over
  // messages).
  z.object({ kind: z.literal("ctr") }),
  // Revenue of `event` (purchase) within `windowHours` after exposure, per exposed profile.
  z.object({
    kind: z.literal("revenue_per_recipient"),
    event: z.string().trim().min(1, "Pick the revenue event.").max(200),
    windowHours: hours("Revenue window"),
  }),
]);
export type Metric = z.infer<typeof metricSchema>;
export type MetricKind = Metric["kind"];

export const GUARDRAIL_KINDS = ["unsubscribe_rate", "failed_rate"] as const;
export type GuardrailKind = (typeof GUARDRAIL_KINDS)[number];
export const GUARDRAIL_LABELS: Record<GuardrailKind, string> = {
  unsubscribe_rate: "unsubscribe rate",
  failed_rate: "failed / complaint rate",
};

export const guardrailSchema = z.object({
  kind: z.enum(GUARDRAIL_KINDS, { error: "Guardrail must be the unsubscribe rate or the failed/complaint rate." }),
  // Optional absolute ceiling on the rate (e.g. 0.005); "worse" otherwise means significantly above control.
  threshold: z.number().min(0).max(1).nullable().default(null),
});
export type Guardrail = z.infer<typeof guardrailSchema>;

export const experimentStatsSchema = z.object({
  // Fixed horizon (Welch t, look once) or sequential (confidence sequences, safe to peek).
  method: z
    .enum(["frequentist", "sequential"], { error: "Method must be fixed-horizon or sequential." })
    .default("frequentist"),
  alpha: z
    .number({ error: "Enter the significance level α, e.g. 0.05." })
    .gt(0, "α must be above 0.")
    .max(0.2, "α: at most 0.2.")
    .default(0.05),
  correction: z.enum(["holm", "bh"], { error: "Correction must be Holm or Benjamini–Hochberg." }).default("holm"),
  sequentialTuning: z.number().int().positive().default(5000),
});
export type ExperimentStats = z.infer<typeof experimentStatsSchema>;

export const sendOptionSchema = z
  .object({
    sendDelayHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 14, "Send delay: at most 14 days.")
      .optional(),
    // Messages per week for a frequency variant (e.g. 1 vs 3).
    frequency: z
      .number()
      .int()
      .min(1, "Frequency: at least 1 per week.")
      .max(14, "Frequency: at most 14 per week.")
      .optional(),
  })
  .refine((o) => o.sendDelayHours !== undefined || o.frequency !== undefined, {
    message: "A send-option variant changes the send delay or the frequency.",
    path: ["sendDelayHours"],
  });
export type SendOption = z.infer<typeof sendOptionSchema>;

export const variantInputSchema = z.object({
  name: z.string({ error: "Give the variant a name." }).trim().min(1, "Give the variant a name.").max(80),
  weight: z
    .number({ error: "Enter the variant's share of the traffic." })
    .gt(0, "Give the variant some of the traffic (above 0 %).")
    .max(1, "A variant gets at most 100 % of the traffic."),
  // A published template version; a send-option variant may leave it out and sends the control's.
  versionId: z.string().min(1).max(64).nullable().default(null),
  sendOption: sendOptionSchema.nullable().default(null),
});
export type VariantInput = z.infer<typeof variantInputSchema>;

/** Weights of the variants (not the holdout) must add up to 100 %. */
export const WEIGHT_TOLERANCE = 1e-6;

export const experimentInputSchema = z
  .object({
    name: z
      .string({ error: "Give the experiment a name." })
      .trim()
      .min(1, "Give the experiment a name.")
      .max(200, "Keep the name to 200 characters."),
    hypothesis: z.string().trim().max(2000, "Keep the hypothesis to 2,000 characters.").default(""),
    channel: z.enum(TEMPLATE_CHANNELS, { error: "Pick the channel to send on." }),
    audience: campaignAudienceSchema,
    schedule: campaignScheduleSchema.default({ kind: "now" }),
    variants: z
      .array(variantInputSchema)
      .min(MIN_VARIANTS, `An experiment needs at least ${MIN_VARIANTS} variants.`)
      .max(MAX_VARIANTS, `At most ${MAX_VARIANTS} variants.`),
    holdoutShare: z
      .number({ error: "Enter the share to hold out (0 % for none)." })
      .min(0, "The holdout can't be below 0 %.")
      .max(0.5, "Hold out at most 50 % of the audience.")
      .default(DEFAULT_HOLDOUT),
    primaryMetric: metricSchema,
    secondaryMetrics: z.array(metricSchema).max(5, "At most 5 secondary metrics.").default([]),
    guardrails: z
      .array(guardrailSchema)
      .max(GUARDRAIL_KINDS.length)
      .default([{ kind: "unsubscribe_rate", threshold: null }]),
    stats: experimentStatsSchema.default({
      method: "frequentist",
      alpha: 0.05,
      correction: "holm",
      sequentialTuning: 5000,
    }),
    // Planned exposed profiles per arm (from the calculator); null = not planned.
    plannedSampleSize: z
      .number()
      .int()
      .positive("Planned sample size must be above 0.")
      .max(100_000_000)
      .nullable()
      .default(null),
  })
  .superRefine((e, ctx) => {
    const total = e.variants.reduce((sum, v) => sum + v.weight, 0);
    if (Math.abs(total - 1) > WEIGHT_TOLERANCE) {
      ctx.addIssue({
        code: "custom",
        path: ["variants"],
        message: `Variant weights must add up to 100 % (now ${Math.round(total * 1000) / 10} %).`,
      });
    }
    e.variants.forEach((v, i) => {
      if (i === 0 && !v.versionId)
        ctx.addIssue({
          code: "custom",
          path: ["variants", 0, "versionId"],
          message: "The control (A) needs a published template version.",
        });
      if (i > 0 && !v.versionId && !v.sendOption)
        ctx.addIssue({
          code: "custom",
          path: ["variants", i, "versionId"],
          message: `Variant ${variantKey(i)}: pick a template version or a send option.`,
        });
    });
    const kinds = e.guardrails.map((g) => g.kind);
    if (new Set(kinds).size !== kinds.length)
      ctx.addIssue({ code: "custom", path: ["guardrails"], message: "Each guardrail once." });
  });
export type ExperimentInput = z.infer<typeof experimentInputSchema>;
/** What the editor holds before defaults apply. */
export type ExperimentDraft = z.input<typeof experimentInputSchema>;

/** A warning, not an error: without a holdout there is no measure of what sending did at all. */
export function holdoutWarning(holdoutShare: number): string | null {
  return holdoutShare === 0
    ? "No holdout: you will compare variants with each other but never learn what sending the " +
        "message did compared with sending nothing."
    : null;
}

export const CONCLUSION_DECISIONS = ["ship", "rollback", "inconclusive"] as const;
export const concludeExperimentSchema = z
  .object({
    decision: z.enum(CONCLUSION_DECISIONS, { error: "Decision must be ship, rollback or inconclusive." }),
    note: z.string().trim().min(1, "Write a note: what you decided and why.").max(4000),
    // With "ship": the variant whose version the campaign sends from now on.
    shipVariantKey: z.string().min(1).max(8).nullable().default(null),
    // Required when shipping against the decision rule or below its minimum (conclusion-guard.ts); blank is none.
    overrideReason: z
      .string()
      .trim()
      .max(4000, "Override reason: at most 4000 characters.")
      .nullable()
      .default(null)
      .transform((r) => r || null),
  })
  .superRefine((c, ctx) => {
    if (c.decision === "ship" && !c.shipVariantKey)
      ctx.addIssue({ code: "custom", path: ["shipVariantKey"], message: "Pick the variant to ship." });
  });
export type ConcludeExperimentInput = z.infer<typeof concludeExperimentSchema>;

export const calculatorRequestSchema = z.object({
  channel: z.enum(TEMPLATE_CHANNELS, { error: "Pick the channel to send on." }),
  audience: campaignAudienceSchema,
  metric: metricSchema,
  weights: z.array(z.number().gt(0).max(1)).min(MIN_VARIANTS, `At least ${MIN_VARIANTS} variants.`).max(MAX_VARIANTS),
  holdoutShare: z.number().min(0).max(0.5).default(DEFAULT_HOLDOUT),
  alpha: z.number().gt(0).max(0.2).default(0.05),
  // Solve for power at this relative MDE, or for the MDE at this power.
  target: z.discriminatedUnion("solve", [
    z.object({ solve: z.literal("power"), mde: z.number().gt(0, "MDE must be above 0.").max(10) }),
    z.object({
      solve: z.literal("mde"),
      power: z.number().gt(0.05, "Power must be above 5 %.").lt(1, "Power must be below 100 %."),
    }),
  ]),
  plannedSampleSize: z.number().int().positive().nullable().default(null),
  // Profiles per day the audience can be sent to; null = from the channel's recent history.
  sendRatePerDay: z.number().positive("Send rate must be above 0.").nullable().default(null),
});
export type CalculatorRequest = z.infer<typeof calculatorRequestSchema>;
