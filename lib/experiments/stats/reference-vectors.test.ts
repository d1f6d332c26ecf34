import { describe, expect, it } from "vitest";
import { adjustPValues } from "@/lib/experiments/stats/correction";
import { analyze, type VariantReport } from "@/lib/experiments/stats/analyze";
import { sampleSizePerArm } from "@/lib/experiments/stats/sample-size";
import { srm } from "@/lib/experiments/stats/srm";
import { statsRequestSchema } from "@/lib/experiments/stats/schema";

// docs/statistics.md "Reference vectors": inputs and expected outputs copied literally; tolerance 1e-4.
const TOLERANCE = 1e-4;
const near = (actual: number | undefined, expected: number) => {
  expect(actual).toBeDefined();
  expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(TOLERANCE);
};

function only(request: unknown): Extract<VariantReport, { ok: true }> {
  const [variant] = analyze(statsRequestSchema.parse(request)).variants;
  if (!variant?.ok) throw new Error(`no result: ${variant?.reason}`);
  return variant;
}

const meansA = { n: 3407, sum: 1396.87, sumSquares: 52377.9767 };
const meansB = { n: 3461, sum: 2422.7, sumSquares: 134698.29 };

describe("docs/statistics.md reference vectors", () => {
  it("1. relative Welch t, mean metrics", () => {
    const v = only({ metric: "mean", control: meansA, variants: [meansB] });
    near(v.lift, 0.70732);
    near(v.ciLow, -0.03526);
    near(v.ciHigh, 1.44989);
    near(v.se, 0.37879);
    near(v.pValue, 0.06191);
  });

  it("2. absolute, same inputs", () => {
    const v = only({ metric: "mean", relative: false, control: meansA, variants: [meansB] });
    near(v.lift, 0.29);
    near(v.ciLow, 0.04538);
    near(v.ciHigh, 0.53462);
    near(v.se, 0.12478);
    near(v.pValue, 0.02016);
  });

  it("3. relative, proportions A 14/28, B 16/30", () => {
    const v = only({ metric: "proportion", control: { n: 28, sum: 14 }, variants: [{ n: 30, sum: 16 }] });
    near(v.lift, 0.06667);
    near(v.ciLow, -0.47767);
    near(v.ciHigh, 0.61101);
    near(v.se, 0.2717);
    near(v.pValue, 0.80707);
  });

  it("4. sequential, N* 5000, proportions A 1396/3000, B 2422/3461", () => {
    const v = only({
      metric: "proportion",
      method: "sequential",
      sequentialTuning: 5000,
      control: { n: 3000, sum: 1396 },
      variants: [{ n: 3461, sum: 2422 }],
    });
    near(v.lift, 0.50386);
    near(v.ciLow, 0.40098);
    near(v.ciHigh, 0.60675);
    near(v.se, 0.03386);
    near(v.pValue, 0.0);
  });

  it("5. Bayesian flat prior, proportions A 49/100, B 51/100", () => {
    const v = only({
      metric: "proportion",
      method: "bayesian",
      control: { n: 100, sum: 49 },
      variants: [{ n: 100, sum: 51 }],
    });
    near(v.lift, 0.04082);
    near(v.ciLow, -0.24779);
    near(v.ciHigh, 0.32943);
    near(v.se, 0.14725);
    near(v.chanceToWin, 0.60918);
  });

  it("6. Bayesian, means A (sum 100, sumsq 1002.25, n 10), B (105, 1111.5, 10)", () => {
    const v = only({
      metric: "mean",
      method: "bayesian",
      control: { n: 10, sum: 100, sumSquares: 1002.25 },
      variants: [{ n: 10, sum: 105, sumSquares: 1111.5 }],
    });
    near(v.lift, 0.05);
    near(v.ciLow, -0.02);
    near(v.ciHigh, 0.12);
    near(v.se, 0.03572);
    near(v.chanceToWin, 0.91923);
  });

  it.each([
    { counts: [1000, 1200], weights: [0.5, 0.5], p: 0.000020079 },
    { counts: [135, 115], weights: [0.5, 0.5], p: 0.205903211 },
    { counts: [310, 98], weights: [0.75, 0.25], p: 0.647434186 },
    { counts: [500, 500, 600], weights: [0.34, 0.33, 0.33], p: 0.000592638 },
    { counts: [0, 10, 10], weights: [0.34, 0.33, 0.33], p: 0.005790624 },
    // "[1000] → 1" gives no weights; a single arm can only carry the whole split.
    { counts: [1000], weights: [1], p: 1 },
    { counts: [0, 0, 0], weights: [0.34, 0.33, 0.33], p: 1 },
  ])("7. SRM p: $counts @ $weights → $p", ({ counts, weights, p }) => {
    const result = srm(counts, weights);
    if (!result.ok) throw new Error(result.reason);
    near(result.pValue, p);
  });

  it("8. Holm, original order", () => {
    const adjusted = adjustPValues([0.01, 0.04, 0.03, 0.005, 0.55, 0.6], "holm");
    [0.05, 0.12, 0.12, 0.03, 1, 1].forEach((p, i) => near(adjusted[i], p));
  });

  it("9. Benjamini–Hochberg, original order", () => {
    const adjusted = adjustPValues([0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138], "bh");
    [0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415].forEach((p, i) => near(adjusted[i], p));
  });

  // docs/statistics.md gives these to two decimals / whole units only, so they are checked at that precision.
  it("10. Evan Miller fixed sample size (absolute δ, per arm)", () => {
    const first = sampleSizePerArm(0.2, 0.05, 0.05, 0.8);
    const second = sampleSizePerArm(0.1, 0.02, 0.05, 0.8);
    if (!first.ok || !second.ok) throw new Error("no sample size");
    expect(Math.round(first.n)).toBe(1030);
    expect(Math.abs(first.n - 1030.22)).toBeLessThan(0.005);
    expect(Math.round(second.n)).toBe(3623);
  });
});
