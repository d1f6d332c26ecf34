import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { noResult, type Result } from "./types";

const z = (p: number) => normalQuantile(p, 0, 1);
const phi = (x: number) => normalCdf(x, 0, 1);

/** Baseline of the pre-launch calculator: per-arm n, baseline mean μ and variance σ². */
export interface Baseline {
  n: number;
  mean: number;
  variance: number;
}

/** docs/statistics.md "Power and minimum detectable effect": power of a relative effect Δ at per-arm n. */
export function power(baseline: Baseline, relativeEffect: number, alpha: number): Result<{ power: number }> {
  const { n, mean: mu, variance } = baseline;
  if (n <= 0 || mu === 0 || variance <= 0)
    return noResult("power needs n > 0, a non-zero mean and a positive variance");
  const se = Math.sqrt(variance / (mu ** 2 * n) + (variance * (mu * (1 + relativeEffect)) ** 2) / (mu ** 4 * n));
  const zAlpha = z(1 - alpha / 2);
  const shift = relativeEffect / se;
  return { ok: true, power: 1 - phi(zAlpha - shift) + phi(-zAlpha - shift) };
}

/**
 * docs/statistics.md "Power and minimum detectable effect": the relative MDE at per-arm n for power π,
 * from the quadratic in μ_B; undefined unless n > σ²k²/μ².
 */
export function minimumDetectableEffect(
  baseline: Baseline,
  alpha: number,
  targetPower: number,
): Result<{ mde: number }> {
  const { n, mean: mu, variance } = baseline;
  if (n <= 0 || mu === 0 || variance <= 0)
    return noResult("the MDE needs n > 0, a non-zero mean and a positive variance");
  const k = z(1 - alpha / 2) - z(1 - targetPower);
  if (!(n > (variance * k ** 2) / mu ** 2)) return noResult("sample too small for any detectable effect");
  const s2 = variance / n;
  const a = 1 - (k ** 2 * s2) / mu ** 2;
  const b = -2 * mu;
  const c = mu ** 2 - k ** 2 * s2;
  const muB = (-b + Math.sqrt(b ** 2 - 4 * a * c)) / (2 * a);
  return { ok: true, mde: (muB - mu) / mu };
}
