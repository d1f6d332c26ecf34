import { z } from "zod";

const count = z.number().int().nonnegative();

const meanArm = z.object({ name: z.string().min(1).optional(), n: count, sum: z.number(), sumSquares: z.number() });

/** Proportion arms carry conversions in `sum`; for 0/1 outcomes Σx² = Σx, so sumSquares may be left out. */
const proportionArm = z
  .object({ name: z.string().min(1).optional(), n: count, sum: count, sumSquares: count.optional() })
  .refine((arm) => arm.sum <= arm.n, { message: "conversions (sum) cannot exceed n", path: ["sum"] })
  .transform((arm) => ({ ...arm, sumSquares: arm.sumSquares ?? arm.sum }));

const ratioArm = z.object({
  name: z.string().min(1).optional(),
  n: count,
  numSum: z.number(),
  numSumSquares: z.number(),
  denSum: z.number(),
  denSumSquares: z.number(),
  numDenSum: z.number(),
});

/** Settings shared by every metric kind; defaults follow docs/statistics.md. */
const common = {
  method: z.enum(["frequentist", "sequential", "bayesian"]).default("frequentist"),
  alpha: z.number().gt(0).lt(1).default(0.05),
  relative: z.boolean().default(true),
  sequentialTuning: z.number().positive().default(5000),
  correction: z.enum(["holm", "bh", "none"]).default("holm"),
  /** One weight per arm, control first; absent → an even split. */
  weights: z.array(z.number().nonnegative()).optional(),
  /** A proper prior on the lift for the Bayesian method; absent → flat. */
  prior: z.object({ mean: z.number().default(0), sd: z.number().positive().default(0.3) }).optional(),
  /** Planned units per arm, for the "keep running" progress. */
  plannedSampleSize: count.optional(),
};

const byMetric = <M extends string, A extends z.ZodType>(metric: M, arm: A) =>
  z.object({ metric: z.literal(metric), control: arm, variants: z.array(arm).min(1).max(7), ...common });

/** The experiment-statistics request, shared by `npm run stats` and the API. */
export const statsRequestSchema = z
  .discriminatedUnion("metric", [
    byMetric("proportion", proportionArm),
    byMetric("mean", meanArm),
    byMetric("ratio", ratioArm),
  ])
  .refine((r) => r.weights === undefined || r.weights.length === r.variants.length + 1, {
    message: "weights needs one entry per arm (control first)",
    path: ["weights"],
  });

export type StatsRequest = z.infer<typeof statsRequestSchema>;
