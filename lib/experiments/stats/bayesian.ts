import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import normalQuantile from "@stdlib/stats-base-dists-normal-quantile";
import { liftAndSe } from "./lift";
import type { Moments, Result } from "./types";

export interface BayesianResult {
  lift: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  chanceToWin: number;
}

/** A proper normal prior on the lift; docs/statistics.md "Bayesian" defaults its sd to 0.3. */
export interface Prior {
  mean: number;
  sd: number;
}

/**
 * docs/statistics.md "Bayesian": Gaussian posterior on the lift. Without a prior (flat) it is N(Δ, SE²);
 * with N(μ0, σ0²) the precisions add. Chance to win = 1 − Φ(0; mean, sd); CI from normal quantiles.
 * `lift` and `se` report the posterior mean and sd.
 */
export function bayesian(
  control: Moments,
  treatment: Moments,
  options: { alpha: number; relative: boolean; prior?: Prior },
): Result<BayesianResult> {
  const lift = liftAndSe(control, treatment, options.relative);
  if (!lift.ok) return lift;
  let mean = lift.lift;
  let sd = lift.se;
  if (options.prior) {
    const { mean: mu0, sd: sd0 } = options.prior;
    const precision = 1 / lift.se ** 2 + 1 / sd0 ** 2;
    mean = (lift.lift / lift.se ** 2 + mu0 / sd0 ** 2) / precision;
    sd = Math.sqrt(1 / precision);
  }
  return {
    ok: true,
    lift: mean,
    se: sd,
    ciLow: normalQuantile(options.alpha / 2, mean, sd),
    ciHigh: normalQuantile(1 - options.alpha / 2, mean, sd),
    chanceToWin: 1 - normalCdf(0, mean, sd),
  };
}
