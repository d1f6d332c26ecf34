/**
 * How sure a rate on screen is. Every proportion Tailor draws (open rate, CTR, conversion, retention)
 * is a share of a sample: it is shown with its n and a 95 % Wilson score interval, and not drawn at
 * all below MIN_RATE_N — a 3-profile cohort's "67 %" says nothing (docs/reports.md, "Uncertainty").
 * Client-safe: pure functions only.
 */

/** The smallest denominator a rate is drawn for; below it the UI says "too few (n = …)". */
export const MIN_RATE_N = 30;

/** z for a two-sided 95 % interval (the normal quantile at 0.975). */
const Z95 = 1.959963984540054;

export type Interval = { low: number; high: number };

/**
 * The Wilson score interval for x successes out of n (Wilson 1927): unlike the normal approximation
 * it stays inside [0, 1] and is honest at 0 % and 100 % and at small n. Null when n is 0.
 */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval | null {
  if (!(n > 0)) return null;
  const p = Math.min(1, Math.max(0, successes / n));
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** A rate as the UI shows it: value, its n, its interval, and whether n is enough to draw it. */
export type RateEstimate = {
  value: number | null;
  numerator: number;
  n: number;
  interval: Interval | null;
  tooFew: boolean;
};

export function estimateRate(numerator: number, n: number, minimum = MIN_RATE_N): RateEstimate {
  return {
    value: n > 0 ? numerator / n : null,
    numerator,
    n,
    interval: wilsonInterval(numerator, n),
    tooFew: n < minimum,
  };
}
