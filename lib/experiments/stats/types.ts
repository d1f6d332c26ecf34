/** Sufficient statistics of one arm for a proportion (sum = conversions) or mean metric. */
export interface MeanArm {
  n: number;
  sum: number;
  sumSquares: number;
}

/** Sufficient statistics of one arm for a ratio metric, with the profile as unit (docs/statistics.md "Inputs"). */
export interface RatioArm {
  n: number;
  numSum: number;
  numSumSquares: number;
  denSum: number;
  denSumSquares: number;
  numDenSum: number;
}

export type MetricKind = "proportion" | "mean" | "ratio";

/** Per-unit mean and variance of an arm; SEs divide the variance by n later. */
export interface Moments {
  n: number;
  mean: number;
  variance: number;
}

/** Returned instead of a number whenever the formula is undefined, so callers never see NaN/Infinity. */
export interface NoResult {
  ok: false;
  reason: string;
}

export type Result<T> = ({ ok: true } & T) | NoResult;

export function noResult(reason: string): NoResult {
  return { ok: false, reason };
}
