import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { adjustedInterval, adjustPValues } from "@/lib/experiments/stats/correction";
import { analyze, type StatsReport, type VariantReport } from "@/lib/experiments/stats/analyze";
import { armMoments } from "@/lib/experiments/stats/moments";
import { decide, MIN_EXPOSURES_PER_ARM, type Decision } from "@/lib/experiments/stats/decision";
import { frequentist } from "@/lib/experiments/stats/frequentist";
import { minimumDetectableEffect } from "@/lib/experiments/stats/power";
import { sequential } from "@/lib/experiments/stats/sequential";
import { srm } from "@/lib/experiments/stats/srm";
import { statsRequestSchema, type StatsRequest } from "@/lib/experiments/stats/schema";
import { type MeanArm, type Moments, type RatioArm, type Result } from "@/lib/experiments/stats/types";
import type { ArmStatsRow, MetricPlan } from "./metric-measures";
import { GUARDRAIL_LABELS, HOLDOUT, type ExperimentStats, type Guardrail } from "./schema";

/*
 * From per-arm sufficient statistics to the readout (docs/statistics.md): the primary metric through
 * lib/experiments/stats' analyze (so `npm run stats` on `request` prints the same numbers),
 * secondaries corrected together with it, guardrails uncorrected, SRM over every arm including
 * the holdout, and the decision sentence. Nothing here returns NaN: undefined numbers are reasons.
 */

export type Estimate = { ok: true; value: number; ciLow: number; ciHigh: number } | { ok: false; reason: string };

export type ArmSummary = {
  key: string;
  name: string;
  holdout: boolean;
  /** Share of all traffic configured for this arm. */
  expectedShare: number;
  exposed: number;
  /** Conversions for a proportion metric, the summed value for a mean, clicks for CTR. */
  total: number;
  rate: Estimate;
};

export type MetricReadout = {
  label: string;
  request: StatsRequest | null;
  report: StatsReport | null;
  reason?: string;
  arms: ArmSummary[];
};

export type GuardrailReadout = {
  kind: Guardrail["kind"];
  label: string;
  threshold: number | null;
  arms: ArmSummary[];
  variants: {
    key: string;
    result: Result<{ lift: number; ciLow: number; ciHigh: number; pValue: number }>;
    worse: boolean;
    overThreshold: boolean;
    status: GuardrailStatus;
  }[];
  worse: boolean;
};

/**
 * A guardrail trips as soon as it is worse; "ok" needs the decision rule's minimum exposures in both arms — fewer say
 * nothing.
 */
export type GuardrailStatus = "worse" | "ok" | "not-enough-data";

export type Readout = {
  arms: { key: string; name: string; weight: number }[];
  holdoutShare: number;
  multipleExposed: number;
  primary: MetricReadout;
  secondary: MetricReadout[];
  guardrails: GuardrailReadout[];
  /** The first variant (control) against the holdout: what sending did at all. */
  holdoutLift: Estimate | null;
  srm: { pValue: number | null; alarm: boolean; reason?: string; expected: number[]; observed: number[] };
  decision: Decision;
};

export type ReadoutInput = {
  variants: { key: string; name: string; weight: number }[];
  holdoutShare: number;
  stats: ExperimentStats;
  plannedSampleSize: number | null;
  rows: ArmStatsRow[];
  primary: { label: string; plan: MetricPlan };
  secondary: { label: string; plan: MetricPlan }[];
  guardrails: { guardrail: Guardrail; plan: MetricPlan }[];
};

const MDE_POWER = 0.8;

function rateOf(plan: MetricPlan, arm: MeanArm | RatioArm, alpha: number): Estimate {
  if (arm.n === 0) return { ok: false, reason: "no exposures yet" };
  const m = armMoments(plan.metric, arm as never);
  if (!m.ok) return { ok: false, reason: m.reason };
  const half = normalQuantile(1 - alpha / 2, 0, 1) * Math.sqrt(m.variance / m.n);
  const low = m.mean - half;
  // A rate cannot go below 0; revenue cannot either.
  return {
    ok: true,
    value: m.mean,
    ciLow: Math.max(0, low),
    ciHigh: plan.metric === "proportion" ? Math.min(1, m.mean + half) : m.mean + half,
  };
}

function totalOf(arm: MeanArm | RatioArm) {
  return "sum" in arm ? arm.sum : arm.numSum;
}

export function requestFor(
  plan: MetricPlan,
  arms: (MeanArm | RatioArm)[],
  names: string[],
  weights: number[],
  stats: ExperimentStats,
  correction: StatsRequest["correction"],
  plannedSampleSize: number | null,
): StatsRequest {
  return statsRequestSchema.parse({
    metric: plan.metric,
    method: stats.method,
    alpha: stats.alpha,
    relative: true,
    sequentialTuning: stats.sequentialTuning,
    correction,
    control: { name: names[0], ...arms[0] },
    variants: arms.slice(1).map((a, i) => ({ name: names[i + 1], ...a })),
    weights,
    ...(plannedSampleSize ? { plannedSampleSize } : {}),
  });
}

function isSignificant(v: VariantReport, alpha: number) {
  return v.ok && (v.adjustedPValue ?? v.pValue ?? 1) < alpha;
}

function compare(
  method: ExperimentStats["method"],
  control: Moments,
  treatment: Moments,
  alpha: number,
  tuning: number,
) {
  return method === "sequential"
    ? sequential(control, treatment, { alpha, relative: true, tuning })
    : frequentist(control, treatment, { alpha, relative: true });
}

/** The lift of treatment over control with its CI, or why there is none. */
export function liftEstimate(
  plan: MetricPlan,
  control: MeanArm | RatioArm,
  treatment: MeanArm | RatioArm,
  stats: ExperimentStats,
): Estimate & { pValue?: number } {
  if (control.n === 0 || treatment.n === 0)
    return { ok: false, reason: control.n === 0 ? "the control arm is empty" : "this arm is empty" };
  const a = armMoments(plan.metric, control as never);
  const b = armMoments(plan.metric, treatment as never);
  if (!a.ok) return { ok: false, reason: `control: ${a.reason}` };
  if (!b.ok) return { ok: false, reason: b.reason };
  const c = compare(stats.method, a, b, stats.alpha, stats.sequentialTuning);
  return c.ok
    ? { ok: true, value: c.lift, ciLow: c.ciLow, ciHigh: c.ciHigh, pValue: c.pValue }
    : { ok: false, reason: c.reason };
}

export function computeReadout(input: ReadoutInput): Readout {
  const { variants, holdoutShare, stats } = input;
  const rowOf = new Map(input.rows.map((r) => [r.variantKey, r]));
  const hasHoldout = holdoutShare > 0 || rowOf.has(HOLDOUT);
  const keys = [...variants.map((v) => v.key), ...(hasHoldout ? [HOLDOUT] : [])];
  const names = new Map<string, string>([...variants.map((v) => [v.key, v.name] as const), [HOLDOUT, "Holdout"]]);
  const expected = [...variants.map((v) => (1 - holdoutShare) * v.weight), ...(hasHoldout ? [holdoutShare] : [])];
  const multipleExposed = input.rows.reduce((s, r) => s + Number(r.multiple), 0);

  const summaries = (plan: MetricPlan, only: string[]) =>
    only.map((key): ArmSummary => {
      const arm = plan.arm(rowOf.get(key));
      return {
        key,
        name: names.get(key) ?? key,
        holdout: key === HOLDOUT,
        expectedShare: expected[keys.indexOf(key)] ?? 0,
        exposed: arm.n,
        total: totalOf(arm),
        rate: rateOf(plan, arm, stats.alpha),
      };
    });
  const variantKeys = variants.map((v) => v.key);
  // The variant weights go to analyze as given: weights ≠ 1 must surface as its SRM reason, not be renormalised away.
  const variantWeights = variants.map((v) => v.weight);

  const metricReadout = (
    m: { label: string; plan: MetricPlan },
    correction: StatsRequest["correction"],
  ): MetricReadout => {
    // CTR has no meaning for the holdout (it receives nothing): its arm is listed without a rate.
    const armKeys = m.plan.metric === "ratio" ? variantKeys : keys;
    const arms = summaries(m.plan, armKeys).map((a) =>
      a.holdout && m.plan.metric === "ratio"
        ? { ...a, rate: { ok: false as const, reason: "the holdout receives no messages" } }
        : a,
    );
    try {
      const request = requestFor(
        m.plan,
        variantKeys.map((k) => m.plan.arm(rowOf.get(k))),
        variantKeys,
        variantWeights,
        stats,
        correction,
        input.plannedSampleSize,
      );
      return { label: m.label, request, report: analyze(request), arms };
    } catch (error) {
      return { label: m.label, request: null, report: null, reason: (error as Error).message, arms };
    }
  };

  const jointly = input.secondary.length > 0;
  const primary = metricReadout(input.primary, jointly ? "none" : stats.correction);
  const secondary = input.secondary.map((m) => metricReadout(m, "none"));
  if (jointly) correctJointly([primary, ...secondary], stats);

  const guardrails = input.guardrails.map(({ guardrail, plan }): GuardrailReadout => {
    const arms = summaries(plan, variantKeys);
    const control = plan.arm(rowOf.get(variantKeys[0]!));
    const perVariant = variantKeys.slice(1).map((key) => {
      const arm = plan.arm(rowOf.get(key));
      const a = armMoments("proportion", control as MeanArm);
      const b = armMoments("proportion", arm as MeanArm);
      // Absolute difference: a guardrail's control rate is often 0, where a relative lift is undefined.
      const r = !a.ok
        ? { ok: false as const, reason: control.n === 0 ? "the control arm is empty" : `control: ${a.reason}` }
        : !b.ok
          ? { ok: false as const, reason: b.reason }
          : frequentist(a, b, { alpha: stats.alpha, relative: false });
      const result = r.ok ? { ok: true as const, lift: r.lift, ciLow: r.ciLow, ciHigh: r.ciHigh, pValue: r.pValue } : r;
      const rate = arm.n > 0 ? (arm as MeanArm).sum / arm.n : 0;
      const overThreshold = guardrail.threshold !== null && arm.n >= 100 && rate > guardrail.threshold;
      const worse = (result.ok && result.pValue < stats.alpha && result.lift > 0) || overThreshold;
      const status: GuardrailStatus = worse
        ? "worse"
        : Math.min(control.n, arm.n) < MIN_EXPOSURES_PER_ARM
          ? "not-enough-data"
          : "ok";
      return { key, result, worse, overThreshold, status };
    });
    return {
      kind: guardrail.kind,
      label: GUARDRAIL_LABELS[guardrail.kind],
      threshold: guardrail.threshold,
      arms,
      variants: perVariant,
      worse: perVariant.some((v) => v.worse),
    };
  });

  let holdoutLift: Estimate | null = null;
  if (hasHoldout && input.primary.plan.metric !== "ratio") {
    const l = liftEstimate(
      input.primary.plan,
      input.primary.plan.arm(rowOf.get(HOLDOUT)),
      input.primary.plan.arm(rowOf.get(variantKeys[0]!)),
      stats,
    );
    holdoutLift = l.ok
      ? { ok: true, value: l.value, ciLow: l.ciLow, ciHigh: l.ciHigh }
      : { ok: false, reason: l.reason };
  }

  const observed = keys.map((k) => Number(rowOf.get(k)?.n ?? 0));
  // Expected shares add up to 1 exactly when the variant weights do; otherwise srm says why not.
  const allArms = srm(observed, expected);
  const srmAlarm = (allArms.ok && allArms.alarm) || Boolean(primary.report?.srmAlarm);

  const controlArm = input.primary.plan.arm(rowOf.get(variantKeys[0]!));
  const controlMoments = armMoments(input.primary.plan.metric, controlArm as never);
  const mde = controlMoments.ok ? minimumDetectableEffect(controlMoments, stats.alpha, MDE_POWER) : undefined;
  const decision = decide({
    srmAlarm,
    arms: variantKeys.map((k) => {
      const arm = input.primary.plan.arm(rowOf.get(k));
      return { n: arm.n, conversions: input.primary.plan.metric === "proportion" ? (arm as MeanArm).sum : undefined };
    }),
    plannedSampleSize: input.plannedSampleSize ?? undefined,
    guardrails: guardrails.map((g) => ({ name: g.label, significantlyWorse: g.worse })),
    variants: (primary.report?.variants ?? []).flatMap((v) =>
      v.ok ? [{ name: v.name, lift: v.lift, significant: isSignificant(v, stats.alpha) }] : [],
    ),
    mde: mde?.ok ? mde.mde : undefined,
  });

  return {
    arms: variants.map((v) => ({ key: v.key, name: v.name, weight: v.weight })),
    holdoutShare,
    multipleExposed,
    primary,
    secondary,
    guardrails,
    holdoutLift,
    srm: {
      pValue: allArms.ok ? allArms.pValue : null,
      alarm: srmAlarm,
      ...(allArms.ok ? {} : { reason: allArms.reason }),
      expected,
      observed,
    },
    decision,
  };
}

/** docs/statistics.md "Multiple comparisons": across variants × goal metrics, one correction. */
function correctJointly(metrics: MetricReadout[], stats: ExperimentStats) {
  const slots = metrics.flatMap((m, mi) =>
    (m.report?.variants ?? []).flatMap((v, vi) => (v.ok && v.pValue !== undefined ? [{ mi, vi, p: v.pValue }] : [])),
  );
  const adjusted = adjustPValues(
    slots.map((s) => s.p),
    stats.correction,
  );
  slots.forEach((s, k) => {
    const v = metrics[s.mi]!.report!.variants[s.vi]!;
    if (!v.ok) return;
    const p = adjusted[k]!;
    const interval = adjustedInterval(v.lift, p, stats.alpha);
    metrics[s.mi]!.report!.variants[s.vi] = {
      ...v,
      adjustedPValue: p,
      adjustedCiLow: interval?.ciLow ?? null,
      adjustedCiHigh: interval?.ciHigh ?? null,
    };
  });
}
