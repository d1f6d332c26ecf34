import { z } from "zod";

/**
 * The report queries' inputs, one zod schema per report, shared by the API routes (query strings),
 * the pages (URL filters) and lib/analytics. Days are UTC calendar days "YYYY-MM-DD", inclusive.
 */
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-31.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a real date.");

export const RANGE_PRESETS = ["7d", "30d", "90d", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
/** The longest range a report reads, so one request can never scan the whole history by accident. */
export const MAX_RANGE_DAYS = 400;

const rangeFields = {
  range: z.enum(RANGE_PRESETS).default("30d"),
  from: isoDay.optional(),
  to: isoDay.optional(),
};
const checkCustomRange = (value: { range: RangePreset; from?: string; to?: string }, ctx: z.RefinementCtx) => {
  if (value.range !== "custom") return;
  if (!value.from) ctx.addIssue({ code: "custom", path: ["from"], message: "A custom range needs a start day." });
  if (!value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "A custom range needs an end day." });
  if (value.from && value.to) {
    const days = (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000 + 1;
    if (days < 1)
      ctx.addIssue({ code: "custom", path: ["to"], message: "The end day must not be before the start day." });
    if (days > MAX_RANGE_DAYS)
      ctx.addIssue({ code: "custom", path: ["to"], message: `A range may span at most ${MAX_RANGE_DAYS} days.` });
  }
};

export const INTERVALS = ["day", "week"] as const;
export type Interval = (typeof INTERVALS)[number];
export const OVERVIEW_BREAKDOWNS = ["persona", "segment", "channel"] as const;
export type OverviewBreakdown = (typeof OVERVIEW_BREAKDOWNS)[number];

export const overviewQuerySchema = z
  .object({
    ...rangeFields,
    compare: z.enum(["previous", "none"]).default("previous"),
    interval: z.enum(INTERVALS).default("day"),
    breakdown: z.enum(OVERVIEW_BREAKDOWNS).default("persona"),
  })
  .superRefine(checkCustomRange);
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export const campaignReportQuerySchema = z.object({ campaignId: z.string().min(1, "Name a campaign.").max(100) });
export type CampaignReportQuery = z.infer<typeof campaignReportQuerySchema>;

const eventName = z.string().trim().min(1, "Name an event.").max(200);
/** "$active" as the return event: any event of the profile's own (ProfileActiveDay). */
export const ANY_ACTIVITY = "$active";

export const retentionQuerySchema = z
  .object({
    cohort: z.enum(["event", "campaign"]).default("event"),
    cohortEvent: eventName.default("signup"),
    campaignId: z.string().max(100).optional(),
    returnEvent: eventName.default(ANY_ACTIVITY),
    period: z.enum(INTERVALS).default("week"),
    cohorts: z.coerce
      .number()
      .int()
      .min(1, "Show at least one cohort.")
      .max(30, "Show at most 30 cohorts.")
      .default(12),
    periods: z.coerce.number().int().min(1).max(30, "Show at most 30 periods.").default(12),
    mode: z.enum(["first_time", "recurring"]).default("first_time"),
    criterion: z.enum(["on", "on_or_after"]).default("on"),
  })
  .superRefine((value, ctx) => {
    if (value.cohort === "campaign" && !value.campaignId)
      ctx.addIssue({
        code: "custom",
        path: ["campaignId"],
        message: "Pick the campaign whose first message starts the cohort.",
      });
  });
export type RetentionQuery = z.infer<typeof retentionQuerySchema>;

export const experimentRetentionQuerySchema = z.object({
  experimentId: z.string().min(1, "Pick an experiment.").max(100),
  returnEvent: eventName.default(ANY_ACTIVITY),
  period: z.enum(INTERVALS).default("day"),
  periods: z.coerce.number().int().min(1).max(30, "Show at most 30 periods.").default(14),
  criterion: z.enum(["on", "on_or_after"]).default("on"),
});
export type ExperimentRetentionQuery = z.infer<typeof experimentRetentionQuerySchema>;

export const FUNNEL_BREAKDOWNS = ["none", "persona", "platform"] as const;
export const funnelQuerySchema = z
  .object({
    ...rangeFields,
    // Comma-separated in a URL (event names never contain commas in practice; the ingestion API allows
    // them, but such a name cannot be a funnel step).
    steps: z.preprocess(
      (v) =>
        typeof v === "string"
          ? v
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean)
          : v,
      z.array(eventName).min(2, "A funnel needs at least 2 steps.").max(6, "A funnel has at most 6 steps."),
    ),
    windowHours: z.coerce
      .number()
      .int()
      .min(1, "The window is at least 1 hour.")
      .max(90 * 24, "The window is at most 90 days.")
      .default(24 * 7),
    breakdown: z.enum(FUNNEL_BREAKDOWNS).default("none"),
  })
  .superRefine(checkCustomRange);
export type FunnelQuery = z.infer<typeof funnelQuerySchema>;
