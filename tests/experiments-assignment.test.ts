import chisquareCdf from "@stdlib/stats-base-dists-chisquare-cdf";
import { describe, expect, it } from "vitest";
import { assignArm, unitHash } from "@/lib/experiments/assign-arm";

const N = 100_000;
const ids = Array.from({ length: N }, (_, i) => `profile-${i}`);

function split(salt: string, variants: { key: string; weight: number }[], holdout: number) {
  const counts = new Map<string, number>();
  for (const id of ids) {
    const arm = assignArm(salt, id, variants, holdout);
    counts.set(arm, (counts.get(arm) ?? 0) + 1);
  }
  return counts;
}

describe("assignArm", () => {
  it("gives the same arm for the same salt and profile every time (a re-launch keeps assignments)", () => {
    const variants = [
      { key: "A", weight: 0.5 },
      { key: "B", weight: 0.5 },
    ];
    const first = ids.slice(0, 2000).map((id) => assignArm("salt-1", id, variants, 0.1));
    const again = ids.slice(0, 2000).map((id) => assignArm("salt-1", id, variants, 0.1));
    expect(again).toEqual(first);
    expect(new Set(first)).toEqual(new Set(["A", "B", "holdout"]));
  });

  it("hashes into [0, 1) and differs between salts", () => {
    const us = ids.slice(0, 1000).map((id) => unitHash("s", id));
    expect(us.every((u) => u >= 0 && u < 1)).toBe(true);
    const other = ids.slice(0, 1000).map((id) => unitHash("t", id));
    expect(other).not.toEqual(us);
  });

  for (const [label, variants, holdout] of [
    [
      "45/45 + 10 % holdout",
      [
        { key: "A", weight: 0.5 },
        { key: "B", weight: 0.5 },
      ],
      0.1,
    ],
    [
      "three uneven arms, no holdout",
      [
        { key: "A", weight: 0.2 },
        { key: "B", weight: 0.3 },
        { key: "C", weight: 0.5 },
      ],
      0,
    ],
    [
      "eight arms + 20 % holdout",
      Array.from({ length: 8 }, (_, i) => ({ key: String.fromCharCode(65 + i), weight: 1 / 8 })),
      0.2,
    ],
  ] as const) {
    it(`splits 100,000 ids within ±1 % of the weights (${label})`, () => {
      const counts = split(`split-${label}`, [...variants], holdout);
      expect(Math.abs((counts.get("holdout") ?? 0) / N - holdout)).toBeLessThan(0.01);
      for (const v of variants)
        expect(Math.abs((counts.get(v.key) ?? 0) / N - (1 - holdout) * v.weight)).toBeLessThan(0.01);
    });
  }

  it("assigns independently across experiments (χ² of the cross-tab is not significant)", () => {
    const a = [
      { key: "A", weight: 0.5 },
      { key: "B", weight: 0.5 },
    ];
    const b = [
      { key: "A", weight: 0.3 },
      { key: "B", weight: 0.3 },
      { key: "C", weight: 0.4 },
    ];
    const rows = ["A", "B", "holdout"];
    const cols = ["A", "B", "C", "holdout"];
    const table = rows.map(() => cols.map(() => 0));
    for (const id of ids)
      table[rows.indexOf(assignArm("exp-one", id, a, 0.1))]![cols.indexOf(assignArm("exp-two", id, b, 0.2))]!++;
    const rowSums = table.map((r) => r.reduce((s, x) => s + x, 0));
    const colSums = cols.map((_, j) => table.reduce((s, r) => s + r[j]!, 0));
    let chi2 = 0;
    table.forEach((r, i) =>
      r.forEach((observed, j) => {
        const expected = (rowSums[i]! * colSums[j]!) / N;
        chi2 += (observed - expected) ** 2 / expected;
      }),
    );
    const p = 1 - chisquareCdf(chi2, (rows.length - 1) * (cols.length - 1));
    expect(p).toBeGreaterThan(0.001);
    // A planted dependence is caught by the same test, so it can fail.
    const dependent = rows.map(() => cols.map(() => 0));
    for (const id of ids)
      dependent[rows.indexOf(assignArm("exp-one", id, a, 0.1))]![cols.indexOf(assignArm("exp-one", id, b, 0.2))]!++;
    let chi2Dependent = 0;
    const dr = dependent.map((r) => r.reduce((s, x) => s + x, 0));
    const dc = cols.map((_, j) => dependent.reduce((s, r) => s + r[j]!, 0));
    dependent.forEach((r, i) =>
      r.forEach((o, j) => (chi2Dependent += (o - (dr[i]! * dc[j]!) / N) ** 2 / ((dr[i]! * dc[j]!) / N || 1))),
    );
    expect(1 - chisquareCdf(chi2Dependent, 6)).toBeLessThan(0.001);
  });
});
