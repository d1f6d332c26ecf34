import type { Interval } from "./frequentist";
import { liftAndSe } from "./lift";
import type { Moments, Result } from "./types";

export interface SequentialResult extends Interval {
  pValue: number;
}

/**
 * docs/statistics.md "Sequential": asymptotic confidence sequence (Waudby-Smith et al.), N = n_A + n_B,
 * tuned for N* units. The p-value is min(1, 1/E); E is taken in logs so a huge E gives p = 0, not 1/∞.
 */
export function sequential(
  control: Moments,
  treatment: Moments,
  options: { alpha: number; relative: boolean; tuning: number },
): Result<SequentialResult> {
  const lift = liftAndSe(control, treatment, options.relative);
  if (!lift.ok) return lift;
  const { alpha, tuning } = options;
  const N = control.n + treatment.n;
  const logTerm = -2 * Math.log(alpha);
  const rho = Math.sqrt((logTerm + Math.log(logTerm + 1)) / tuning);
  const scale = N * rho ** 2 + 1;
  const half =
    Math.sqrt(lift.se ** 2 * N) * Math.sqrt((2 * scale * Math.log(Math.sqrt(scale) / alpha)) / (N * rho) ** 2);
  const st2 = (lift.lift ** 2 * N) / lift.se ** 2;
  const logE = (rho ** 2 * st2) / (2 * scale) - 0.5 * Math.log(scale);
  return {
    ok: true,
    lift: lift.lift,
    se: lift.se,
    ciLow: lift.lift - half,
    ciHigh: lift.lift + half,
    pValue: Math.min(1, Math.exp(-logE)),
  };
}
