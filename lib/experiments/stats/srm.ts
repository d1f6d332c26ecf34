import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import { noResult, type Result } from "./types";

/** docs/statistics.md "Sample ratio mismatch": alarm at p < 0.001 once there are ≥ 100 exposures. */
export const SRM_ALPHA = 0.001;
export const SRM_MIN_EXPOSURES = 100;
const WEIGHT_SUM_TOLERANCE = 1e-6;

export interface SrmResult {
  pValue: number;
  alarm: boolean;
}

/**
 * docs/statistics.md "Sample ratio mismatch": χ² goodness of fit of exposure counts against the configured
 * weights; arms with weight 0 are left out. With no exposures or a single arm there is nothing to
 * mismatch, so p = 1 (reference vector 7).
 */
export function srm(counts: readonly number[], weights: readonly number[]): Result<SrmResult> {
  if (counts.length !== weights.length) return noResult("one weight per arm is needed");
  if (weights.some((w) => w < 0)) return noResult("weights must not be negative");
  const weightSum = weights.reduce((s, w) => s + w, 0);
  if (Math.abs(weightSum - 1) > WEIGHT_SUM_TOLERANCE) return noResult(`weights sum to ${weightSum}, not 1`);
  const arms = counts.map((count, i) => ({ count, weight: weights[i] ?? 0 })).filter((a) => a.weight > 0);
  const total = arms.reduce((s, a) => s + a.count, 0);
  const activeWeight = arms.reduce((s, a) => s + a.weight, 0);
  if (total === 0 || arms.length < 2) return { ok: true, pValue: 1, alarm: false };
  const statistic = arms.reduce((s, a) => {
    const expected = (total * a.weight) / activeWeight;
    return s + (a.count - expected) ** 2 / expected;
  }, 0);
  const pValue = 1 - chisquareCdf(statistic, arms.length - 1);
  const exposures = counts.reduce((s, c) => s + c, 0);
  return { ok: true, pValue, alarm: exposures >= SRM_MIN_EXPOSURES && pValue < SRM_ALPHA };
}
