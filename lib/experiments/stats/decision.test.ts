import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/experiments/stats/analyze";
import { decide, type DecisionInput } from "@/lib/experiments/stats/decision";
import { statsRequestSchema } from "@/lib/experiments/stats/schema";

const enough: DecisionInput = {
  srmAlarm: false,
  arms: [
    { n: 1000, conversions: 100 },
    { n: 1000, conversions: 130 },
  ],
  guardrails: [],
  variants: [{ name: "B", lift: 0.3, significant: true }],
};

describe("decision rule (docs/statistics.md, in its order)", () => {
  it("an SRM alarm wins over everything", () => {
    expect(decide({ ...enough, srmAlarm: true }).sentence).toBe("results unreliable: check assignment");
  });

  it("below minimum data keeps running, with % of the planned sample", () => {
    const few = {
      ...enough,
      arms: [
        { n: 380, conversions: 4 },
        { n: 400, conversions: 9 },
      ],
      plannedSampleSize: 1000,
    };
    expect(decide(few).sentence).toBe("keep running: 38 % of the needed sample");
    expect(decide({ ...enough, arms: [{ n: 99 }, { n: 1000 }] }).sentence).toBe("keep running");
  });

  it("a significantly worse guardrail stops the experiment", () => {
    const guardrails = [{ name: "unsubscribe rate", significantlyWorse: true }];
    expect(decide({ ...enough, guardrails }).sentence).toBe("stop: unsubscribe rate is worse");
  });

  it("ships the best significant winner, else keeps control", () => {
    const variants = [
      { name: "B", lift: 0.1, significant: true },
      { name: "C", lift: 0.2, significant: true },
      { name: "D", lift: 0.5, significant: false },
    ];
    expect(decide({ ...enough, variants }).sentence).toBe("ship C");
    expect(decide({ ...enough, variants: [{ name: "B", lift: -0.2, significant: true }] }).sentence).toBe(
      "keep control",
    );
  });

  it("otherwise no detectable difference yet, with the current MDE", () => {
    const variants = [{ name: "B", lift: 0.02, significant: false }];
    expect(decide({ ...enough, variants, mde: 0.123 }).sentence).toBe(
      "no detectable difference yet (current MDE 12 %)",
    );
  });

  it("a corrected p-value decides significance in a full readout", () => {
    // Two variants each at raw p ≈ 0.03: significant alone, not after Holm across both.
    const request = {
      metric: "proportion",
      control: { n: 2000, sum: 200 },
      variants: [
        { name: "B", n: 2000, sum: 243 },
        { name: "C", n: 2000, sum: 243 },
      ],
    };
    const none = analyze(statsRequestSchema.parse({ ...request, correction: "none" }));
    const holm = analyze(statsRequestSchema.parse(request));
    const [b] = holm.variants;
    expect(b?.ok && b.pValue !== undefined && b.pValue < 0.05 && (b.adjustedPValue ?? 0) > 0.05).toBe(true);
    expect(none.decision.sentence).toBe("ship B");
    expect(holm.decision.kind).toBe("no-difference");
  });
});
