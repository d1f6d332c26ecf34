import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { noResult, type Result } from "./types";

/**
 * Per-arm sample size for a conversion rate p and an absolute effect δ: Evan Miller's formula,
 * the source of docs/statistics.md reference vector 10. The null arm's variance is 2·p(1−p) (both arms at p),
 * the alternative's p(1−p) + p₂(1−p₂) with p₂ = p + δ. Not rounded: callers round up for display.
 */
export function sampleSizePerArm(
  baselineRate: number,
  absoluteEffect: number,
  alpha: number,
  targetPower: number,
): Result<{ n: number }> {
  const p2 = baselineRate + absoluteEffect;
  if (absoluteEffect === 0) return noResult("an effect of 0 needs an infinite sample");
  if (baselineRate <= 0 || baselineRate >= 1 || p2 <= 0 || p2 >= 1)
    return noResult("rates must lie strictly between 0 and 1");
  const zAlpha = normalQuantile(1 - alpha / 2, 0, 1);
  const zPower = normalQuantile(targetPower, 0, 1);
  const nullSd = Math.sqrt(2 * baselineRate * (1 - baselineRate));
  const altSd = Math.sqrt(baselineRate * (1 - baselineRate) + p2 * (1 - p2));
  return { ok: true, n: (zAlpha * nullSd + zPower * altSd) ** 2 / absoluteEffect ** 2 };
}
