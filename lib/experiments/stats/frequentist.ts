import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { liftAndSe } from "./lift";
import { noResult, type Moments, type Result } from "./types";

export interface Interval {
  lift: number;
  se: number;
  ciLow: number;
  ciHigh: number;
}

export interface FrequentistResult extends Interval {
  pValue: number;
  df: number;
}

/** docs/statistics.md "Frequentist, fixed horizon": Welch–Satterthwaite ν from the absolute-scale variances. */
export function welchDf(control: Moments, treatment: Moments): number {
  const a = control.variance / control.n;
  const b = treatment.variance / treatment.n;
  return (a + b) ** 2 / (b ** 2 / (treatment.n - 1) + a ** 2 / (control.n - 1));
}

/** docs/statistics.md "Frequentist, fixed horizon": t = Δ/SE, p = 2·F_t(−|t|, ν), CI = Δ ± F_t⁻¹(1 − α/2, ν)·SE. */
export function frequentist(
  control: Moments,
  treatment: Moments,
  options: { alpha: number; relative: boolean },
): Result<FrequentistResult> {
  if (control.n < 2 || treatment.n < 2) return noResult("Welch's t needs n ≥ 2 in every arm");
  const lift = liftAndSe(control, treatment, options.relative);
  if (!lift.ok) return lift;
  const df = welchDf(control, treatment);
  const t = lift.lift / lift.se;
  const half = tQuantile(1 - options.alpha / 2, df) * lift.se;
  return {
    ok: true,
    lift: lift.lift,
    se: lift.se,
    ciLow: lift.lift - half,
    ciHigh: lift.lift + half,
    pValue: 2 * tCdf(-Math.abs(t), df),
    df,
  };
}
