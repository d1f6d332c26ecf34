import { bayesian } from "./bayesian";
import { adjustedInterval, adjustPValues } from "./correction";
import { decide, type Decision } from "./decision";
import { frequentist } from "./frequentist";
import { armMoments } from "./moments";
import { minimumDetectableEffect } from "./power";
import type { StatsRequest } from "./schema";
import { sequential } from "./sequential";
import { srm } from "./srm";
import type { MeanArm, Moments, RatioArm, Result } from "./types";

/** Power the "no detectable difference yet" MDE is quoted at (the calculator's usual 80 %). */
const MDE_POWER = 0.8;

export type VariantReport =
  | {
      name: string;
      ok: true;
      lift: number;
      ciLow: number;
      ciHigh: number;
      se: number;
      pValue?: number;
      chanceToWin?: number;
      adjustedPValue?: number;
      adjustedCiLow?: number | null;
      adjustedCiHigh?: number | null;
    }
  | { name: string; ok: false; reason: string };

export interface StatsReport {
  variants: VariantReport[];
  srmPValue: number | null;
  srmAlarm: boolean;
  srmReason?: string;
  decision: Decision;
}

type Comparison = { lift: number; se: number; ciLow: number; ciHigh: number; pValue?: number; chanceToWin?: number };

function compare(request: StatsRequest, control: Moments, treatment: Moments): Result<Comparison> {
  const { alpha, relative } = request;
  if (request.method === "sequential")
    return sequential(control, treatment, { alpha, relative, tuning: request.sequentialTuning });
  if (request.method === "bayesian") return bayesian(control, treatment, { alpha, relative, prior: request.prior });
  return frequentist(control, treatment, { alpha, relative });
}

/** One primary metric, control against every variant: the readout docs/statistics.md describes. */
export function analyze(request: StatsRequest): StatsReport {
  const arms: (MeanArm | RatioArm)[] = [request.control, ...request.variants];
  const moments = arms.map((arm) => armMoments(request.metric, arm));
  const [controlMoments, ...variantMoments] = moments;
  const names = request.variants.map((v, i) => v.name ?? `variant ${i + 1}`);

  const comparisons = variantMoments.map((m): Result<Comparison> => {
    if (!controlMoments?.ok) return { ok: false, reason: `control: ${controlMoments?.reason ?? "missing"}` };
    return m.ok ? compare(request, controlMoments, m) : m;
  });

  // docs/statistics.md "Multiple comparisons": correct only the comparisons that produced a p-value.
  const withP = comparisons.flatMap((c, i) => (c.ok && c.pValue !== undefined ? [{ i, p: c.pValue }] : []));
  const adjusted = new Map(
    adjustPValues(
      withP.map((x) => x.p),
      request.correction,
    ).map((p, k) => [withP[k]!.i, p]),
  );

  const variants: VariantReport[] = comparisons.map((c, i) => {
    const name = names[i]!;
    if (!c.ok) return { name, ok: false, reason: c.reason };
    const adjustedPValue = adjusted.get(i);
    if (adjustedPValue === undefined) return { name, ...c };
    const interval = adjustedInterval(c.lift, adjustedPValue, request.alpha);
    return {
      name,
      ...c,
      adjustedPValue,
      adjustedCiLow: interval?.ciLow ?? null,
      adjustedCiHigh: interval?.ciHigh ?? null,
    };
  });

  const weights = request.weights ?? arms.map(() => 1 / arms.length);
  const srmResult = srm(
    arms.map((a) => a.n),
    weights,
  );

  const mde = controlMoments?.ok ? minimumDetectableEffect(controlMoments, request.alpha, MDE_POWER) : undefined;
  const decision = decide({
    srmAlarm: srmResult.ok && srmResult.alarm,
    arms: arms.map((a) => ({ n: a.n, conversions: request.metric === "proportion" ? (a as MeanArm).sum : undefined })),
    plannedSampleSize: request.plannedSampleSize,
    guardrails: [],
    variants: variants.flatMap((v) =>
      v.ok ? [{ name: v.name, lift: v.lift, significant: isSignificant(v, request.alpha) }] : [],
    ),
    mde: mde?.ok ? mde.mde : undefined,
  });

  return {
    variants,
    srmPValue: srmResult.ok ? srmResult.pValue : null,
    srmAlarm: srmResult.ok && srmResult.alarm,
    ...(srmResult.ok ? {} : { srmReason: srmResult.reason }),
    decision,
  };
}

/** Frequentist and sequential: adjusted p < α; Bayesian: the two-sided credible interval excludes 0. */
function isSignificant(v: Extract<VariantReport, { ok: true }>, alpha: number): boolean {
  if (v.chanceToWin !== undefined) return v.chanceToWin > 1 - alpha / 2 || v.chanceToWin < alpha / 2;
  return (v.adjustedPValue ?? v.pValue ?? 1) < alpha;
}
