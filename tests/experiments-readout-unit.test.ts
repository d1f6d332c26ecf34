import { describe, expect, it } from "vitest";
import { calculatePlan } from "@/lib/experiments/calculate-plan";
import { computeReadout, type ReadoutInput } from "@/lib/experiments/compute-readout";
import { guardrailPlan, metricPlan, type ArmStatsRow } from "@/lib/experiments/metric-measures";
import { analyze } from "@/lib/experiments/stats/analyze";

const scope = { workspaceId: "w", experimentId: "e" };
const conversion = metricPlan(scope, "c", { kind: "conversion", event: "purchase", windowHours: 72 }, "p");
const unsubscribe = guardrailPlan(scope, "c", { kind: "unsubscribe_rate", threshold: null }, "g0");
const stats = { method: "frequentist" as const, alpha: 0.05, correction: "holm" as const, sequentialTuning: 5000 };

/** One aggregate row per arm: n exposed, x converted, u unsubscribed. */
const row = (variantKey: string, n: number, x: number, u = 0, multiple = 0): ArmStatsRow => ({
  grp: "",
  variantKey,
  n,
  multiple,
  p__sum: x,
  p__sq: x,
  g0__sum: u,
  g0__sq: u,
});

function input(rows: ArmStatsRow[], over: Partial<ReadoutInput> = {}): ReadoutInput {
  return {
    variants: [
      { key: "A", name: "Control", weight: 0.5 },
      { key: "B", name: "Short subject", weight: 0.5 },
    ],
    holdoutShare: 0.1,
    stats,
    plannedSampleSize: 2000,
    rows,
    primary: { label: "conversion", plan: conversion },
    secondary: [],
    guardrails: [{ guardrail: { kind: "unsubscribe_rate", threshold: null }, plan: unsubscribe }],
    ...over,
  };
}

/** Every number anywhere in the readout is finite: nothing on screen can read NaN or ∞. */
function numbers(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(numbers);
  if (value && typeof value === "object") return Object.values(value).flatMap(numbers);
  return [];
}

describe("computeReadout", () => {
  it("reads a clear win: the primary report is analyze()'s, and the decision ships B", () => {
    const r = computeReadout(input([row("A", 2000, 100, 2), row("B", 2000, 160, 3), row("holdout", 444, 10)]));
    expect(r.primary.report).toEqual(analyze(r.primary.request!));
    expect(r.decision).toEqual({ kind: "ship", sentence: "ship B", variant: "B" });
    expect(r.srm.alarm).toBe(false);
    expect(r.primary.arms.map((a) => a.exposed)).toEqual([2000, 2000, 444]);
    expect(r.holdoutLift?.ok).toBe(true);
  });

  it("zero conversions everywhere: reasons instead of numbers, keep running", () => {
    const r = computeReadout(input([row("A", 500, 0), row("B", 500, 0), row("holdout", 110, 0)]));
    expect(numbers(r).every(Number.isFinite)).toBe(true);
    const b = r.primary.report!.variants[0]!;
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.reason).toMatch(/\w/);
    // 0 of 500 is a rate (0 %); the comparison is what has no result.
    expect(r.primary.arms[0]!.rate).toEqual({ ok: true, value: 0, ciLow: 0, ciHigh: 0 });
    expect(r.decision.kind).toBe("keep-running");
  });

  it("control mean 0 with conversions in B: no lift, and says why", () => {
    const r = computeReadout(input([row("A", 400, 0), row("B", 400, 12)]));
    const b = r.primary.report!.variants[0]!;
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.reason).toContain("control");
    expect(numbers(r).every(Number.isFinite)).toBe(true);
  });

  it("one arm empty: its lift is a reason, the rate says no exposures yet (and 300 against 0 is a mismatch)", () => {
    const r = computeReadout(input([row("A", 300, 20)]));
    expect(r.primary.arms[1]!.rate).toEqual({ ok: false, reason: "no exposures yet" });
    expect(r.primary.report!.variants[0]!.ok).toBe(false);
    expect(r.decision.kind).toBe("srm");
    expect(numbers(r).every(Number.isFinite)).toBe(true);
  });

  it("weights not adding up to 1: the SRM check gives a reason, not a p-value", () => {
    const r = computeReadout(
      input([row("A", 300, 20), row("B", 300, 25)], {
        variants: [
          { key: "A", name: "A", weight: 0.5 },
          { key: "B", name: "B", weight: 0.4 },
        ],
      }),
    );
    expect(r.srm.pValue).toBeNull();
    expect(r.srm.reason).toMatch(/sum/);
    expect(numbers(r).every(Number.isFinite)).toBe(true);
  });

  it("a 56/44 split of 50/50 weights raises the SRM alarm, and the decision says results are unreliable", () => {
    const r = computeReadout(input([row("A", 1120, 60), row("B", 880, 70)], { holdoutShare: 0 }));
    expect(r.srm.pValue!).toBeLessThan(0.001);
    expect(r.srm.alarm).toBe(true);
    expect(r.decision).toEqual({ kind: "srm", sentence: "results unreliable: check assignment" });
  });

  it("a guardrail significantly worse stops the test", () => {
    const r = computeReadout(input([row("A", 3000, 150, 3), row("B", 3000, 240, 60), row("holdout", 666, 20)]));
    expect(r.guardrails[0]!.worse).toBe(true);
    expect(r.decision).toEqual({ kind: "stop-guardrail", sentence: "stop: unsubscribe rate is worse" });
  });

  it("a guardrail reads 'not enough data' below 100 exposed in the control or the variant, 'ok' from there, and 'worse' whenever it is", () => {
    const status = (rows: ArmStatsRow[]) => computeReadout(input(rows)).guardrails[0]!.variants[0]!.status;
    expect(status([row("A", 99, 5), row("B", 400, 5)])).toBe("not-enough-data");
    expect(status([row("A", 400, 5), row("B", 0, 0)])).toBe("not-enough-data");
    expect(status([row("A", 100, 5, 1), row("B", 100, 5, 1)])).toBe("ok");
    expect(status([row("A", 3000, 150, 3), row("B", 3000, 240, 60)])).toBe("worse");
  });

  it("counts the multi-exposed profiles it excluded", () => {
    const r = computeReadout(input([row("A", 300, 20, 0, 4), row("B", 300, 25, 0, 3)]));
    expect(r.multipleExposed).toBe(7);
  });
});

describe("calculatePlan", () => {
  const base = {
    audienceSize: 10_000,
    baseline: { mean: 0.1, variance: 0.09 },
    weights: [0.5, 0.5],
    holdoutShare: 0.1,
    alpha: 0.05,
    plannedSampleSize: null,
    sendRatePerDay: 1000,
  };

  it("power for a 20 % MDE on 4,500 per arm, and the n 80 % power needs", () => {
    const plan = calculatePlan({ ...base, target: { solve: "power", mde: 0.2 } });
    expect(plan.perArmAvailable).toBe(4500);
    expect(plan.power?.ok && plan.power.value).toBeGreaterThan(0.8);
    expect(plan.neededPerArm.ok && plan.neededPerArm.value).toBeLessThan(4500);
    expect(plan.days.ok && plan.days.value).toBeGreaterThanOrEqual(1);
    expect(plan.warnings).toEqual([]);
  });

  it("MDE for 80 % power shrinks as the audience grows", () => {
    const small = calculatePlan({ ...base, target: { solve: "mde", power: 0.8 } });
    const large = calculatePlan({ ...base, audienceSize: 100_000, target: { solve: "mde", power: 0.8 } });
    expect(small.mde?.ok && large.mde?.ok && large.mde.value < small.mde.value).toBe(true);
  });

  it("warns when the audience cannot reach the planned sample, and about a zero holdout", () => {
    const plan = calculatePlan({
      ...base,
      holdoutShare: 0,
      plannedSampleSize: 20_000,
      target: { solve: "power", mde: 0.05 },
    });
    expect(plan.warnings.some((w) => w.includes("No holdout"))).toBe(true);
    expect(plan.warnings.some((w) => w.includes("planned 20,000"))).toBe(true);
    expect(plan.warnings.some((w) => w.includes("cannot reach the needed sample"))).toBe(true);
  });

  it("without history every figure is a reason", () => {
    const plan = calculatePlan({
      ...base,
      baseline: null,
      baselineReason: "no email message was delivered",
      target: { solve: "power", mde: 0.1 },
    });
    expect(plan.power).toEqual({ ok: false, reason: "no email message was delivered" });
    expect(plan.days.ok).toBe(false);
    expect(numbers(plan).every(Number.isFinite)).toBe(true);
  });
});
