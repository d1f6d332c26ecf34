import { minimumDetectableEffect, power, type Baseline } from "@/lib/experiments/stats/power";
import { holdoutWarning } from "./schema";

/*
 * The pre-launch calculator (docs/statistics.md "Power and minimum detectable effect"), pure: from the
 * audience size, the metric's historical per-profile mean and variance, the split and the send
 * rate, the power for a chosen MDE or the MDE for a chosen power, the sample that needs, and the
 * days to reach it. Every number it cannot compute comes back as a reason.
 */

export type PlanInput = {
  audienceSize: number;
  /** Per-profile mean and variance of the metric; null when there is no history. */
  baseline: { mean: number; variance: number } | null;
  baselineReason?: string;
  weights: number[];
  holdoutShare: number;
  alpha: number;
  target: { solve: "power"; mde: number } | { solve: "mde"; power: number };
  plannedSampleSize: number | null;
  sendRatePerDay: number | null;
};

export type Figure = { ok: true; value: number } | { ok: false; reason: string };

export type Plan = {
  /** The smallest arm's share of all traffic: it decides how long the test runs. */
  smallestShare: number;
  /** Exposed profiles per arm if the whole audience is sent to once. */
  perArmAvailable: number;
  /** The per-arm n the figures below are for: the planned sample, else what the audience gives. */
  perArmEvaluated: number;
  power: Figure | null;
  mde: Figure | null;
  /** Per-arm n needed for the MDE at 80 % power (power mode) or the planned n (MDE mode). */
  neededPerArm: Figure;
  neededTotal: Figure;
  days: Figure;
  warnings: string[];
};

/** Power the calculator aims for when it is asked for power (the usual 80 %). */
export const TARGET_POWER = 0.8;
const MAX_N = 1e9;

function smallestNFor(baseline: Baseline, mde: number, alpha: number, target: number): number | null {
  const ok = (n: number) => {
    const p = power({ ...baseline, n }, mde, alpha);
    return p.ok && p.power >= target;
  };
  if (!ok(MAX_N)) return null;
  let lo = 2;
  let hi = MAX_N;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (ok(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const fig = (value: number): Figure => ({ ok: true, value });
const why = (reason: string): Figure => ({ ok: false, reason });

export function calculatePlan(input: PlanInput): Plan {
  const totalWeight = input.weights.reduce((s, w) => s + w, 0);
  const warnings: string[] = [];
  const holdout = holdoutWarning(input.holdoutShare);
  if (holdout) warnings.push(holdout);
  const smallestShare = totalWeight > 0 ? ((1 - input.holdoutShare) * Math.min(...input.weights)) / totalWeight : 0;
  const perArmAvailable = Math.floor(input.audienceSize * smallestShare);
  const perArmEvaluated = input.plannedSampleSize ?? perArmAvailable;
  const baseline = input.baseline;
  const noBaseline = input.baselineReason ?? "no history to compute a baseline from";

  let powerFigure: Figure | null = null;
  let mdeFigure: Figure | null = null;
  let neededPerArm: Figure;
  if (!baseline) {
    neededPerArm = why(noBaseline);
    if (input.target.solve === "power") powerFigure = why(noBaseline);
    else mdeFigure = why(noBaseline);
  } else if (input.target.solve === "power") {
    const p = perArmEvaluated > 0 ? power({ ...baseline, n: perArmEvaluated }, input.target.mde, input.alpha) : null;
    powerFigure = p === null ? why("the audience is empty") : p.ok ? fig(p.power) : why(p.reason);
    const n = smallestNFor({ ...baseline, n: 1 }, input.target.mde, input.alpha, TARGET_POWER);
    neededPerArm = n === null ? why("no sample reaches 80 % power for this effect") : fig(n);
  } else {
    const m =
      perArmEvaluated > 0
        ? minimumDetectableEffect({ ...baseline, n: perArmEvaluated }, input.alpha, input.target.power)
        : null;
    mdeFigure = m === null ? why("the audience is empty") : m.ok ? fig(m.mde) : why(m.reason);
    neededPerArm = perArmEvaluated > 0 ? fig(perArmEvaluated) : why("the audience is empty");
  }

  const neededTotal = !neededPerArm.ok
    ? neededPerArm
    : smallestShare > 0
      ? fig(Math.ceil(neededPerArm.value / smallestShare))
      : why("no traffic reaches the smallest arm");
  let days: Figure;
  if (!neededTotal.ok) days = neededTotal;
  else if (!input.sendRatePerDay || input.sendRatePerDay <= 0)
    days = why("no send rate: this audience had no sends on this channel recently");
  else days = fig(Math.max(1, Math.ceil(neededTotal.value / input.sendRatePerDay)));

  if (neededTotal.ok && neededTotal.value > input.audienceSize) {
    warnings.push(
      `The audience (${input.audienceSize.toLocaleString("en")} profiles) cannot reach the needed ` +
        `sample (${neededTotal.value.toLocaleString("en")} profiles to expose): it would have to be ` +
        `sent to more than once, or the effect you look for must be larger.`,
    );
  }
  if (
    input.plannedSampleSize &&
    smallestShare > 0 &&
    Math.ceil(input.plannedSampleSize / smallestShare) > input.audienceSize
  ) {
    warnings.push(
      `The planned ${input.plannedSampleSize.toLocaleString("en")} per arm needs ` +
        `${Math.ceil(input.plannedSampleSize / smallestShare).toLocaleString("en")} profiles; the ` +
        `audience has ${input.audienceSize.toLocaleString("en")}.`,
    );
  }
  if (totalWeight > 0 && Math.abs(totalWeight - 1) > 1e-6)
    warnings.push(`Variant weights add up to ${Math.round(totalWeight * 1000) / 10} %, not 100 %.`);
  return {
    smallestShare,
    perArmAvailable,
    perArmEvaluated,
    power: powerFigure,
    mde: mdeFigure,
    neededPerArm,
    neededTotal,
    days,
    warnings,
  };
}
