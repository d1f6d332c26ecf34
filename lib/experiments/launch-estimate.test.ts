import { describe, expect, it } from "vitest";
import { assessLaunch, noReachReason, type LaunchEstimateInput } from "./launch-estimate";

const at = new Date("2026-12-01T09:00:00Z");
const base: LaunchEstimateInput = {
  channel: "email",
  audience: 1000,
  skips: [{ reason: "no_consent", count: 100 }],
  reachable: 900,
  triggered: false,
  atNow: true,
  variants: [
    { key: "A", name: "Control", weight: 0.5 },
    { key: "B", name: "Offer first", weight: 0.5 },
  ],
  holdoutShare: 0.1,
  plannedSampleSize: 300,
  alpha: 0.05,
  baseline: { mean: 0.1, variance: 0.09 },
  historySendRatePerDay: 50,
};

describe("noReachReason", () => {
  it("names the one reason for everyone, or each reason's count", () => {
    expect(noReachReason(347, [{ reason: "frequency_cap", count: 347 }], "email", true)).toBe(
      "all 347 are at their frequency cap today",
    );
    expect(noReachReason(1, [{ reason: "no_address", count: 1 }], "email", true)).toBe(
      "its one profile has no e-mail address",
    );
    expect(
      noReachReason(
        5,
        [
          { reason: "no_consent", count: 3 },
          { reason: "quiet_hours", count: 2 },
        ],
        "sms",
        false,
      ),
    ).toBe("of the 5, 3 have no SMS consent, 2 are in quiet hours at the send time");
    expect(noReachReason(0, [], "push", true)).toBe("the audience is empty");
  });
});

describe("assessLaunch", () => {
  it("a one-off send that reaches the plan: its exposures per arm, one day, no warning", () => {
    const e = assessLaunch(base, at);
    expect(e.arms.map((a) => [a.key, a.perDay])).toEqual([
      ["A", 405],
      ["B", 405],
      ["holdout", 90],
    ]);
    expect(e.days).toEqual({ ok: true, value: 1 });
    expect(e.refusal).toBeNull();
    expect(e.warnings).toEqual([]);
    expect(e.mde?.ok).toBe(true);
  });

  it("refuses a one-off send nobody would see", () => {
    const e = assessLaunch({ ...base, skips: [{ reason: "frequency_cap", count: 1000 }], reachable: 0 }, at);
    expect(e.refusal).toBe(
      "Nobody would be exposed: all 1,000 are at their frequency cap today. Launch when they can be reached (or pick another audience).",
    );
    expect([e.days, e.mde]).toEqual([
      { ok: false, reason: "nobody would be exposed" },
      { ok: false, reason: "nobody would be exposed" },
    ]);
    expect(e.warnings).toEqual([]);
  });

  it("a trigger whose audience is only capped for now may launch, with a warning; one nobody could ever reach may not", () => {
    const capped = assessLaunch(
      { ...base, triggered: true, skips: [{ reason: "frequency_cap", count: 1000 }], reachable: 0 },
      at,
    );
    expect(capped.refusal).toBeNull();
    expect(capped.warnings[0]).toMatch(/^Nobody is reachable right now/);
    const never = assessLaunch(
      { ...base, triggered: true, skips: [{ reason: "no_consent", count: 1000 }], reachable: 0 },
      at,
    );
    expect(never.refusal).toBe(
      "Nobody could ever be exposed: all 1,000 have no e-mail consent. Pick another audience or channel.",
    );
  });

  it("a trigger's days to the planned sample come from the channel's daily send rate", () => {
    // 300 per arm ÷ 45 % = 667 profiles to expose at 50 a day: 14 days.
    const e = assessLaunch({ ...base, triggered: true }, at);
    expect(e.days).toEqual({ ok: true, value: 14 });
    expect(e.arms.map((a) => a.perDay)).toEqual([23, 23, 5]);
  });

  it("below the planned sample: not reached by one send, a warning, and the lift detectable with what it reaches", () => {
    const e = assessLaunch({ ...base, plannedSampleSize: 1000 }, at);
    expect(e.days).toEqual({ ok: false, reason: "not reached: one send gives the smallest arm 41 % of it" });
    expect(e.warnings).toEqual([
      `Below the planned sample: this send exposes about 405 profiles in the smallest arm, 41 % of the planned 1,000. The readout will say "keep running" until more profiles are exposed.`,
    ]);
    // The MDE at 405 per arm, not at the 1,000 never reached.
    expect(e.mde).toEqual(assessLaunch({ ...base, plannedSampleSize: null }, at).mde);
  });

  it("without a planned sample, warns below the decision rule's minimum of 100 per arm", () => {
    const e = assessLaunch({ ...base, plannedSampleSize: null, reachable: 200 }, at);
    expect(e.days.ok).toBe(false);
    expect(e.warnings).toEqual([
      "Below the decision rule's minimum: every arm needs 100 exposed profiles before any call, and this send gives the smallest arm about 90.",
    ]);
  });
});
