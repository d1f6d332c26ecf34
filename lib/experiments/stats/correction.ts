import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import padjust from "@stdlib/stats-padjust";

export type Correction = "holm" | "bh" | "none";

/** docs/statistics.md "Multiple comparisons": Holm (default) or Benjamini–Hochberg; results in input order. */
export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  if (correction === "none" || pValues.length === 0) return [...pValues];
  return padjust([...pValues], correction);
}

/**
 * docs/statistics.md "Multiple comparisons", adjusted CI: adjSD = |Δ / Φ⁻¹(1 − p_adj/2)|, CI = Δ ± z·adjSD.
 * At p_adj = 1 Φ⁻¹ gives 0 and the interval is unbounded, reported as null.
 */
export function adjustedInterval(
  lift: number,
  adjustedPValue: number,
  alpha: number,
): { ciLow: number; ciHigh: number } | null {
  // −Φ⁻¹(p/2) rather than Φ⁻¹(1 − p/2): tiny p-values would round 1 − p/2 to 1 and z to ∞.
  const z = -normalQuantile(adjustedPValue / 2, 0, 1);
  if (!(z > 0)) return null;
  const adjSd = Math.abs(lift / z);
  const half = normalQuantile(1 - alpha / 2, 0, 1) * adjSd;
  return { ciLow: lift - half, ciHigh: lift + half };
}
