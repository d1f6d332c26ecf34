import { describe, expect, it } from "vitest";
import { estimateRate, MIN_RATE_N, wilsonInterval } from "./uncertainty";

describe("wilsonInterval", () => {
  it("matches the published Wilson intervals for 5 of 10 and 0 of 10", () => {
    const half = wilsonInterval(5, 10)!;
    expect(half.low).toBeCloseTo(0.2366, 4);
    expect(half.high).toBeCloseTo(0.7634, 4);
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
  });

  it("stays inside [0, 1] at 100 % and has no interval without a sample", () => {
    const all = wilsonInterval(20, 20)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.8389, 4);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("estimateRate", () => {
  it("marks a denominator under the minimum as too few to draw", () => {
    expect(estimateRate(2, 3)).toMatchObject({ value: 2 / 3, n: 3, tooFew: true });
    expect(estimateRate(10, MIN_RATE_N).tooFew).toBe(false);
    expect(estimateRate(0, 0)).toMatchObject({ value: null, interval: null, tooFew: true });
  });
});
