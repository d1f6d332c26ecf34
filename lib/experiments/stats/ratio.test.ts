import { describe, expect, it } from "vitest";
import { ratioMoments } from "@/lib/experiments/stats/moments";

describe("ratio metric moments (docs/statistics.md delta method)", () => {
  it("matches the delta-method variance computed from per-unit values", () => {
    const units = [
      { m: 1, d: 3 },
      { m: 0, d: 2 },
      { m: 2, d: 4 },
      { m: 1, d: 1 },
      { m: 0, d: 5 },
    ];
    const n = units.length;
    const sum = (f: (u: { m: number; d: number }) => number) => units.reduce((s, u) => s + f(u), 0);
    const moments = ratioMoments({
      n,
      numSum: sum((u) => u.m),
      numSumSquares: sum((u) => u.m ** 2),
      denSum: sum((u) => u.d),
      denSumSquares: sum((u) => u.d ** 2),
      numDenSum: sum((u) => u.m * u.d),
    });
    // Independent calculation: sample (co)variances of M and D, then var_M/μ_D² + var_D·μ_M²/μ_D⁴ − 2·cov·μ_M/μ_D³.
    const muM = 0.8;
    const muD = 3;
    const varM = units.reduce((s, u) => s + (u.m - muM) ** 2, 0) / (n - 1);
    const varD = units.reduce((s, u) => s + (u.d - muD) ** 2, 0) / (n - 1);
    const cov = units.reduce((s, u) => s + (u.m - muM) * (u.d - muD), 0) / (n - 1);
    expect(moments).toMatchObject({ ok: true, n, mean: 4 / 15 });
    if (!moments.ok) return;
    expect(moments.variance).toBeCloseTo(
      varM / muD ** 2 + (varD * muM ** 2) / muD ** 4 - (2 * cov * muM) / muD ** 3,
      12,
    );
  });
});
