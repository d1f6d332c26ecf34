import { noResult, type MeanArm, type MetricKind, type Moments, type RatioArm, type Result } from "./types";

/** docs/statistics.md "Inputs per variant": proportion mean = x/n, variance = mean·(1−mean). */
export function proportionMoments(arm: MeanArm): Result<Moments> {
  if (arm.n <= 0) return noResult("arm is empty (n = 0)");
  if (arm.sum < 0 || arm.sum > arm.n) return noResult("conversions must be between 0 and n");
  const mean = arm.sum / arm.n;
  return { ok: true, n: arm.n, mean, variance: mean * (1 - mean) };
}

/** docs/statistics.md "Inputs per variant": mean = sum/n, variance = (sumsq − sum²/n)/(n−1). */
export function meanMoments(arm: MeanArm): Result<Moments> {
  if (arm.n <= 0) return noResult("arm is empty (n = 0)");
  if (arm.n < 2) return noResult("a sample variance needs n ≥ 2");
  const mean = arm.sum / arm.n;
  const variance = (arm.sumSquares - (arm.sum * arm.sum) / arm.n) / (arm.n - 1);
  return { ok: true, n: arm.n, mean, variance };
}

/**
 * docs/statistics.md "Inputs per variant", ratio metric: μ = ΣM/ΣD and the per-unit delta-method variance
 * var_M/μ_D² + var_D·μ_M²/μ_D⁴ − 2·cov(M,D)·μ_M/μ_D³ — never a binomial over messages.
 */
export function ratioMoments(arm: RatioArm): Result<Moments> {
  const { n } = arm;
  if (n <= 0) return noResult("arm is empty (n = 0)");
  if (n < 2) return noResult("a sample variance needs n ≥ 2");
  if (arm.denSum === 0) return noResult("ratio denominator sums to 0");
  const muM = arm.numSum / n;
  const muD = arm.denSum / n;
  const varM = (arm.numSumSquares - (arm.numSum * arm.numSum) / n) / (n - 1);
  const varD = (arm.denSumSquares - (arm.denSum * arm.denSum) / n) / (n - 1);
  const cov = (arm.numDenSum - (arm.numSum * arm.denSum) / n) / (n - 1);
  const variance = varM / muD ** 2 + (varD * muM ** 2) / muD ** 4 - (2 * cov * muM) / muD ** 3;
  return { ok: true, n, mean: arm.numSum / arm.denSum, variance };
}

export function armMoments(metric: "proportion" | "mean", arm: MeanArm): Result<Moments>;
export function armMoments(metric: "ratio", arm: RatioArm): Result<Moments>;
export function armMoments(metric: MetricKind, arm: MeanArm | RatioArm): Result<Moments>;
export function armMoments(metric: MetricKind, arm: MeanArm | RatioArm): Result<Moments> {
  if (metric === "ratio") return ratioMoments(arm as RatioArm);
  return metric === "proportion" ? proportionMoments(arm as MeanArm) : meanMoments(arm as MeanArm);
}
