import { noResult, type Moments, type Result } from "./types";

export interface Lift {
  lift: number;
  se: number;
}

/**
 * docs/statistics.md "Relative lift … delta method": Δ = (μ_B − μ_A)/|μ_A|,
 * Var = var_B/(n_B·μ_A²) + var_A·μ_B²/(n_A·μ_A⁴); absolute: Δ = μ_B − μ_A, Var = var_B/n_B + var_A/n_A.
 */
export function liftAndSe(control: Moments, treatment: Moments, relative: boolean): Result<Lift> {
  if (control.n <= 0 || treatment.n <= 0) return noResult("an arm is empty (n = 0)");
  if (control.variance <= 0) return noResult("control variance is 0 (e.g. zero conversions)");
  if (treatment.variance <= 0) return noResult("variant variance is 0 (e.g. zero conversions)");
  const { mean: muA, variance: varA, n: nA } = control;
  const { mean: muB, variance: varB, n: nB } = treatment;
  if (!relative) {
    return { ok: true, lift: muB - muA, se: Math.sqrt(varB / nB + varA / nA) };
  }
  if (muA === 0) return noResult("control mean is 0, so a relative lift is undefined");
  const variance = varB / (nB * muA ** 2) + (varA * muB ** 2) / (nA * muA ** 4);
  return { ok: true, lift: (muB - muA) / Math.abs(muA), se: Math.sqrt(variance) };
}
