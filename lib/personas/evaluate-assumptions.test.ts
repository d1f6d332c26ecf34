import { describe, expect, it } from "vitest";
import { evaluateAssumptions, personaWarnings, tallyVerdicts, type AudienceStats } from "./evaluate-assumptions";
import { assumptionSchema, type Assumption } from "./schema";

// A known population of ten profiles, tallied by hand:
// platform: ios ×6, android ×3, none ×1; active hour: 19 ×3, 20 ×2, 21 ×1, 9 ×2, unknown ×2
// (so 6 of 8 known are in 18–22 h = 75 %); LTV median 210 (the middle of 200 and 220), mean 250.
const population: AudienceStats = {
  size: 10,
  distributions: {
    platform: [
      { value: "ios", profiles: 6 },
      { value: "android", profiles: 3 },
      { value: null, profiles: 1 },
    ],
    country: [
      { value: "DE", profiles: 4 },
      { value: "FR", profiles: 6 },
    ],
    locale: [],
    favouriteCategory: [],
    activeHour: [
      { value: "19", profiles: 3 },
      { value: "20", profiles: 2 },
      { value: "9", profiles: 2 },
      { value: "21", profiles: 1 },
      { value: null, profiles: 2 },
    ],
    ltv: [],
    ordersCount: [],
  },
  summary: { ltvMedian: 210, ltvMean: 250, ordersCountMedian: 2, ordersCountMean: 2.5, aovMedian: null, aovMean: null },
  channels: [
    { channel: "push", delivered: 1000, opened: 400, clicked: 120 },
    { channel: "email", delivered: 1000, opened: 300, clicked: 60 },
    { channel: "sms", delivered: 40, opened: 30, clicked: 5 },
  ],
};

const check = (assumption: object, stats: AudienceStats | null = population) =>
  evaluateAssumptions([assumptionSchema.parse({ id: "a", ...assumption })], stats)[0]!;

describe("assumption checks", () => {
  it("confirms a share claim at its exact boundary and reports the figure", () => {
    const verdict = check({ kind: "share", dimension: "platform", value: "ios", op: "at_least", percent: 60 });
    expect(verdict).toEqual({
      id: "a",
      statement: "≥ 60 % are on iOS",
      status: "confirmed",
      actual: "60 % are on iOS (6 of 10)",
    });
  });

  it("contradicts a share claim just past the boundary, counting profiles without a value in the denominator", () => {
    expect(check({ kind: "share", dimension: "platform", value: "ios", op: "at_least", percent: 61 }).status).toBe(
      "contradicted",
    );
    expect(check({ kind: "share", dimension: "platform", value: "android", op: "at_most", percent: 30 })).toMatchObject(
      { status: "confirmed", actual: "30 % are on Android (3 of 10)" },
    );
    expect(check({ kind: "share", dimension: "country", value: "ES", op: "at_least", percent: 1 })).toMatchObject({
      status: "contradicted",
      actual: "0 % are in ES (0 of 10)",
    });
  });

  it("checks a metric claim against the median and the mean", () => {
    expect(check({ kind: "metric", metric: "ltv", stat: "median", op: "gt", value: 200 })).toMatchObject({
      statement: "Median lifetime value > 200",
      status: "confirmed",
      actual: "Median lifetime value is 210",
    });
    expect(check({ kind: "metric", metric: "ltv", stat: "mean", op: "lt", value: 250 })).toMatchObject({
      status: "contradicted",
      actual: "Mean lifetime value is 250",
    });
    expect(check({ kind: "metric", metric: "aov", stat: "median", op: "gt", value: 1 }).status).toBe("no_data");
  });

  it("measures active hours among profiles whose active hour is known", () => {
    expect(check({ kind: "active_hours", from: 18, to: 22 })).toMatchObject({
      statement: "Most active 18–22 h (local time)",
      status: "confirmed",
      actual: "75 % are most active 18–22 h (6 of 8); the peak is 19 h",
    });
    // 19–21 h holds 5 of 8 = 62.5 %: not more than a required 70 %.
    expect(check({ kind: "active_hours", from: 19, to: 21, minShare: 70 })).toMatchObject({
      status: "contradicted",
      actual: "62.5 % are most active 19–21 h (5 of 8); the peak is 19 h",
    });
  });

  it("decides a channel preference only when the difference is clear of noise", () => {
    // 12 % vs 6 % on 1,000 each: z ≈ 4.7.
    expect(check({ kind: "channel_preference", channel: "push", over: "email", rate: "click" })).toMatchObject({
      statement: "Prefers Mobile push over E-mail (click rate)",
      status: "confirmed",
      actual: "Mobile push click rate 12 % ± 2 % (n = 1,000) vs E-mail click rate 6 % ± 1.5 % (n = 1,000)",
    });
    expect(check({ kind: "channel_preference", channel: "email", over: "push", rate: "open" }).status).toBe(
      "contradicted",
    );
    // 12.5 % of 40 vs 12 % of 1,000: nowhere near significant.
    expect(check({ kind: "channel_preference", channel: "sms", over: "push", rate: "click" }).status).toBe(
      "inconclusive",
    );
    expect(check({ kind: "channel_preference", channel: "web_push", over: "email" })).toMatchObject({
      status: "no_data",
      actual: "No delivered messages on Web push for this audience.",
    });
  });

  it("marks free text as not checkable and everything as no data without an audience", () => {
    expect(check({ kind: "text", text: "Shops on the train" })).toMatchObject({
      status: "not_checkable",
      actual: null,
    });
    expect(
      check({ kind: "share", dimension: "platform", value: "ios", op: "at_least", percent: 1 }, null),
    ).toMatchObject({ status: "no_data", actual: "No segment is bound." });
    expect(
      check(
        { kind: "share", dimension: "platform", value: "ios", op: "at_least", percent: 1 },
        { ...population, size: 0 },
      ).status,
    ).toBe("no_data");
  });

  it("warns when no segment is bound or more than half of the checked assumptions are contradicted", () => {
    const claims: Assumption[] = [
      assumptionSchema.parse({
        kind: "share",
        id: "x",
        dimension: "platform",
        value: "ios",
        op: "at_least",
        percent: 90,
      }),
      assumptionSchema.parse({ kind: "metric", id: "y", metric: "ltv", stat: "median", op: "gt", value: 500 }),
      assumptionSchema.parse({ kind: "metric", id: "z", metric: "ltv", stat: "median", op: "gt", value: 100 }),
      assumptionSchema.parse({ kind: "text", id: "t", text: "Free text is not counted" }),
    ];
    const tally = tallyVerdicts(evaluateAssumptions(claims, population));
    expect(tally).toEqual({ confirmed: 1, contradicted: 2, checkable: 3 });
    expect(personaWarnings(true, tally)).toEqual([
      "2 of 3 checkable assumptions are contradicted by the data: the story needs revisiting.",
    ]);
    expect(personaWarnings(true, { confirmed: 1, contradicted: 1, checkable: 2 })).toEqual([]);
    expect(personaWarnings(false, null)[0]).toMatch(/No segment is bound/);
  });
});
