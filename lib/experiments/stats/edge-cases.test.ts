import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/experiments/stats/analyze";
import { armMoments } from "@/lib/experiments/stats/moments";
import { liftAndSe } from "@/lib/experiments/stats/lift";
import { minimumDetectableEffect } from "@/lib/experiments/stats/power";
import { sequential } from "@/lib/experiments/stats/sequential";
import { srm } from "@/lib/experiments/stats/srm";
import { statsRequestSchema } from "@/lib/experiments/stats/schema";

/** Every number anywhere in the report must be finite: edge cases give reasons, never NaN/Infinity. */
function expectFinite(value: unknown): void {
  if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  else if (value && typeof value === "object") Object.values(value).forEach(expectFinite);
}

const run = (request: unknown) => {
  const report = analyze(statsRequestSchema.parse(request));
  expectFinite(report);
  return report;
};

describe("edge cases return a reason, never NaN/Infinity", () => {
  it.each(["frequentist", "sequential", "bayesian"] as const)("zero conversions (%s)", (method) => {
    const report = run({ metric: "proportion", method, control: { n: 500, sum: 0 }, variants: [{ n: 500, sum: 0 }] });
    expect(report.variants[0]).toEqual({
      name: "variant 1",
      ok: false,
      reason: "control variance is 0 (e.g. zero conversions)",
    });
  });

  it("control mean 0 with a positive variance has no relative lift, but an absolute one", () => {
    const control = { n: 10, mean: 0, variance: 1 };
    const treatment = { n: 10, mean: 1, variance: 1 };
    expect(liftAndSe(control, treatment, true)).toEqual({
      ok: false,
      reason: "control mean is 0, so a relative lift is undefined",
    });
    expect(liftAndSe(control, treatment, false)).toMatchObject({ ok: true, lift: 1 });
    const report = run({
      metric: "mean",
      control: { n: 4, sum: 0, sumSquares: 4 },
      variants: [{ n: 4, sum: 4, sumSquares: 8 }],
    });
    expect(report.variants[0]).toMatchObject({
      ok: false,
      reason: "control mean is 0, so a relative lift is undefined",
    });
  });

  it.each([
    ["control", { n: 0, sum: 0 }, { n: 100, sum: 10 }, "control: arm is empty (n = 0)"],
    ["variant", { n: 100, sum: 10 }, { n: 0, sum: 0 }, "arm is empty (n = 0)"],
  ])("an empty %s arm", (_label, control, variant, reason) => {
    const report = run({ metric: "proportion", control, variants: [variant] });
    expect(report.variants[0]).toMatchObject({ ok: false, reason });
  });

  it("an empty ratio arm and a zero denominator", () => {
    const empty = { n: 0, numSum: 0, numSumSquares: 0, denSum: 0, denSumSquares: 0, numDenSum: 0 };
    expect(armMoments("ratio", empty)).toEqual({ ok: false, reason: "arm is empty (n = 0)" });
    expect(armMoments("ratio", { ...empty, n: 5 })).toEqual({ ok: false, reason: "ratio denominator sums to 0" });
  });

  it("weights not summing to 1 give an SRM reason, not a p-value", () => {
    expect(srm([100, 100], [0.5, 0.6])).toEqual({ ok: false, reason: "weights sum to 1.1, not 1" });
    const report = run({
      metric: "proportion",
      weights: [0.5, 0.6],
      control: { n: 100, sum: 10 },
      variants: [{ n: 100, sum: 12 }],
    });
    expect(report.srmPValue).toBeNull();
    expect(report.srmReason).toBe("weights sum to 1.1, not 1");
  });

  it("SRM leaves weight-0 arms out and only alarms from 100 exposures", () => {
    const withHoldout = srm([500, 500, 37], [0.5, 0.5, 0]);
    expect(withHoldout).toMatchObject({ ok: true, alarm: false });
    if (withHoldout.ok) expect(withHoldout.pValue).toBeCloseTo(1, 10);
    expect(srm([60, 20], [0.5, 0.5])).toMatchObject({ ok: true, alarm: false });
    expect(srm([600, 200], [0.5, 0.5])).toMatchObject({ ok: true, alarm: true });
  });

  it("a huge sequential evidence gives p = 0, not 1/∞", () => {
    const result = sequential(
      { n: 1e6, mean: 0.1, variance: 0.09 },
      { n: 1e6, mean: 0.2, variance: 0.16 },
      { alpha: 0.05, relative: true, tuning: 5000 },
    );
    expect(result).toMatchObject({ ok: true, pValue: 0 });
  });

  it("early sequential p-values are exactly 1 (docs/statistics.md)", () => {
    const result = sequential(
      { n: 50, mean: 0.1, variance: 0.09 },
      { n: 50, mean: 0.11, variance: 0.0979 },
      { alpha: 0.05, relative: true, tuning: 5000 },
    );
    expect(result).toMatchObject({ ok: true, pValue: 1 });
  });

  it("the MDE is undefined below n = σ²k²/μ²", () => {
    expect(minimumDetectableEffect({ n: 10, mean: 0.01, variance: 0.0099 }, 0.05, 0.8)).toMatchObject({ ok: false });
    const mde = minimumDetectableEffect({ n: 100_000, mean: 0.1, variance: 0.09 }, 0.05, 0.8);
    expect(mde.ok && mde.mde > 0 && mde.mde < 0.1).toBe(true);
  });
});

describe("request schema", () => {
  it.each([
    [{ metric: "proportion", control: { n: 10, sum: 11 }, variants: [{ n: 10, sum: 1 }] }, "control.sum"],
    [{ metric: "proportion", control: { n: 10, sum: 1 }, variants: [] }, "variants"],
    [
      { metric: "mean", control: { n: 10, sum: 1 }, variants: [{ n: 10, sum: 1, sumSquares: 1 }] },
      "control.sumSquares",
    ],
    [{ metric: "proportion", alpha: 2, control: { n: 10, sum: 1 }, variants: [{ n: 10, sum: 1 }] }, "alpha"],
    [{ metric: "proportion", weights: [1], control: { n: 10, sum: 1 }, variants: [{ n: 10, sum: 1 }] }, "weights"],
    [{ metric: "clicks", control: {}, variants: [] }, "metric"],
  ])("rejects %j naming %s", (request, field) => {
    const parsed = statsRequestSchema.safeParse(request);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
  });
});
