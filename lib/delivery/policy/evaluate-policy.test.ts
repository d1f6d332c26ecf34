import { describe, expect, it } from "vitest";
import { evaluatePolicy, type PolicyInput, type RecentSend } from "./evaluate-policy";
import { DEFAULT_POLICY, policySchema, type WorkspacePolicy } from "./schema";
import { SKIP_REASONS, SKIP_REASON_LABELS } from "./skip-reasons";

const NOW = new Date("2026-06-15T12:00:00.000Z");
const hoursAgo = (h: number, from = NOW) => new Date(from.getTime() - h * 3_600_000);
const sends = (channel: string, ...hours: number[]): RecentSend[] =>
  hours.map((h) => ({ channel, sentAt: hoursAgo(h) }));

const policy = (over: Partial<WorkspacePolicy> = {}): WorkspacePolicy => ({
  caps: [],
  quietHours: { enabled: false, start: "21:00", end: "08:00", action: "defer" },
  defaultTimezone: "UTC",
  topics: [{ key: "deals", label: "Weekly deals" }],
  ...over,
});

const input = (
  over: Partial<Omit<PolicyInput, "profile">> & { profile?: Partial<PolicyInput["profile"]> } = {},
): PolicyInput => ({
  policy: policy(),
  channel: "push",
  transactional: false,
  topic: null,
  recentSends: [],
  now: NOW,
  ...over,
  profile: {
    consent: { email: true, push: true, sms: true },
    subscriptions: {},
    timezone: null,
    hasAddress: true,
    ...over.profile,
  },
});

const quiet = (start: string, end: string, action: "defer" | "skip" = "defer", defaultTimezone = "UTC") =>
  policy({ quietHours: { enabled: true, start, end, action }, defaultTimezone });

describe("consent, topic and address come first, in that order", () => {
  // The expected outcome: "send" or the skip reason.
  const cases: [string, PolicyInput, string][] = [
    ["consent true, address present → send", input(), "send"],
    [
      "no consent recorded for the channel → no_consent",
      input({ profile: { consent: { email: true } } }),
      "no_consent",
    ],
    ["opted out of the channel → no_consent", input({ profile: { consent: { push: false } } }), "no_consent"],
    [
      "consent must be the boolean true, not a truthy string",
      input({ profile: { consent: { push: "yes" } } }),
      "no_consent",
    ],
    [
      "transactional never bypasses consent",
      input({ transactional: true, profile: { consent: { push: false } } }),
      "no_consent",
    ],
    [
      "unsubscribed from the campaign's topic → unsubscribed",
      input({ topic: "deals", profile: { subscriptions: { deals: false } } }),
      "unsubscribed",
    ],
    [
      "a topic never answered is subscribed",
      input({ topic: "deals", profile: { subscriptions: { other: false } } }),
      "send",
    ],
    [
      "transactional respects the topic unsubscribe too",
      input({ transactional: true, topic: "deals", profile: { subscriptions: { deals: false } } }),
      "unsubscribed",
    ],
    ["no address on the channel → no_address", input({ profile: { hasAddress: false } }), "no_address"],
    [
      "consent is checked before the topic",
      input({ topic: "deals", profile: { consent: {}, subscriptions: { deals: false } } }),
      "no_consent",
    ],
    [
      "the topic is checked before the address",
      input({ topic: "deals", profile: { hasAddress: false, subscriptions: { deals: false } } }),
      "unsubscribed",
    ],
    [
      "the address is checked before caps",
      input({
        profile: { hasAddress: false },
        policy: policy({ caps: [{ channel: "push", max: 1, days: 1 }] }),
        recentSends: sends("push", 1),
      }),
      "no_address",
    ],
    [
      "webhooks need neither consent nor an address",
      input({ channel: "webhook", profile: { consent: {}, hasAddress: false } }),
      "send",
    ],
  ];
  for (const [name, given, expected] of cases) {
    it(name, () => {
      const decision = evaluatePolicy(given);
      expect(decision.action === "skip" ? decision.reason : decision.action).toBe(expected);
    });
  }

  it("says which channel the consent is missing for", () => {
    expect(evaluatePolicy(input({ channel: "email", profile: { consent: { email: false } } }))).toEqual({
      action: "skip",
      reason: "no_consent",
      detail: "Opted out of E-mail.",
    });
    expect(evaluatePolicy(input({ channel: "sms", profile: { consent: {} } }))).toEqual({
      action: "skip",
      reason: "no_consent",
      detail: "No SMS consent recorded.",
    });
  });
});

describe("frequency caps per channel and across channels", () => {
  const push3in7 = { channel: "push", max: 3, days: 7 } as const;
  const all1in1 = { channel: "all", max: 1, days: 1 } as const;
  const cases: [string, Partial<Omit<PolicyInput, "profile">>, string][] = [
    [
      "2 pushes this week under ≤ 3 / 7 days → send",
      { policy: policy({ caps: [push3in7] }), recentSends: sends("push", 30, 60) },
      "send",
    ],
    [
      "3 pushes this week → frequency_cap",
      { policy: policy({ caps: [push3in7] }), recentSends: sends("push", 30, 60, 100) },
      "frequency_cap",
    ],
    [
      "a push 8 days ago is outside the 7-day window",
      { policy: policy({ caps: [push3in7] }), recentSends: sends("push", 30, 60, 8 * 24) },
      "send",
    ],
    [
      "a push exactly 7 days ago has left the window",
      { policy: policy({ caps: [push3in7] }), recentSends: sends("push", 30, 60, 7 * 24) },
      "send",
    ],
    [
      "e-mails do not count toward the push cap",
      { policy: policy({ caps: [push3in7] }), recentSends: [...sends("push", 30, 60), ...sends("email", 1, 2, 3)] },
      "send",
    ],
    [
      "a push cap does not apply to an e-mail",
      { channel: "email", policy: policy({ caps: [push3in7] }), recentSends: sends("push", 1, 2, 3) },
      "send",
    ],
    [
      "an e-mail today counts toward ≤ 1 message / day across channels",
      { policy: policy({ caps: [all1in1] }), recentSends: sends("email", 5) },
      "frequency_cap",
    ],
    [
      "yesterday's message (25 h ago) leaves today's cross-channel budget free",
      { policy: policy({ caps: [all1in1] }), recentSends: sends("email", 25) },
      "send",
    ],
    [
      "both caps: the cross-channel one stops it",
      { policy: policy({ caps: [push3in7, all1in1] }), recentSends: sends("sms", 2) },
      "frequency_cap",
    ],
    [
      "a send in the future (clock skew) does not count",
      {
        policy: policy({ caps: [all1in1] }),
        recentSends: [{ channel: "push", sentAt: new Date(NOW.getTime() + 60_000) }],
      },
      "send",
    ],
    [
      "transactional bypasses caps",
      { transactional: true, policy: policy({ caps: [all1in1] }), recentSends: sends("push", 1) },
      "send",
    ],
    [
      "the default policy caps push at 3 a week",
      { policy: { ...DEFAULT_POLICY, caps: [DEFAULT_POLICY.caps[0]!] }, recentSends: sends("push", 30, 60, 90) },
      "frequency_cap",
    ],
  ];
  for (const [name, over, expected] of cases) {
    it(name, () => {
      const decision = evaluatePolicy(input(over));
      expect(decision.action === "skip" ? decision.reason : decision.action).toBe(expected);
    });
  }

  it("names the cap that was reached", () => {
    const decision = evaluatePolicy(
      input({ policy: policy({ caps: [push3in7] }), recentSends: sends("push", 1, 2, 3) }),
    );
    expect(decision).toEqual({
      action: "skip",
      reason: "frequency_cap",
      detail: "3 of at most 3 Mobile push messages in the last 7 days.",
    });
  });
});

describe("quiet hours in the profile's local time", () => {
  // [name, now, timezone (null = the policy default Europe/Berlin), start, end, expected: "send" | "skip" | the ISO instant deferred to]
  const cases: [string, string, string | null, string, string, string][] = [
    [
      "Berlin 23:00 CEST is inside 21:00–08:00 → deferred to 08:00 CEST",
      "2026-06-15T21:00:00Z",
      "Europe/Berlin",
      "21:00",
      "08:00",
      "2026-06-16T06:00:00.000Z",
    ],
    [
      "Berlin 07:59 is still quiet",
      "2026-06-15T05:59:00Z",
      "Europe/Berlin",
      "21:00",
      "08:00",
      "2026-06-15T06:00:00.000Z",
    ],
    ["Berlin 08:00 is the first allowed minute", "2026-06-15T06:00:00Z", "Europe/Berlin", "21:00", "08:00", "send"],
    ["Berlin 20:59 is before quiet hours", "2026-06-15T18:59:00Z", "Europe/Berlin", "21:00", "08:00", "send"],
    [
      "21:00 UTC is noon-ish elsewhere: New York 17:00 → send",
      "2026-06-15T21:00:00Z",
      "America/New_York",
      "21:00",
      "08:00",
      "send",
    ],
    [
      "New York 22:00 EDT → 08:00 EDT",
      "2026-06-16T02:00:00Z",
      "America/New_York",
      "21:00",
      "08:00",
      "2026-06-16T12:00:00.000Z",
    ],
    [
      "Kolkata 02:30 IST → 08:00 IST",
      "2026-06-14T21:00:00Z",
      "Asia/Kolkata",
      "21:00",
      "08:00",
      "2026-06-15T02:30:00.000Z",
    ],
    [
      "Auckland 06:00 NZST → 08:00 the same local morning",
      "2026-06-14T18:00:00Z",
      "Pacific/Auckland",
      "21:00",
      "08:00",
      "2026-06-14T20:00:00.000Z",
    ],
    ["Auckland 12:00 → send", "2026-06-15T00:00:00Z", "Pacific/Auckland", "21:00", "08:00", "send"],
    [
      "no timezone → the policy default (Berlin) decides",
      "2026-06-15T21:00:00Z",
      null,
      "21:00",
      "08:00",
      "2026-06-16T06:00:00.000Z",
    ],
    [
      "an unknown timezone → the policy default",
      "2026-06-15T21:00:00Z",
      "Mars/Base",
      "21:00",
      "08:00",
      "2026-06-16T06:00:00.000Z",
    ],
    [
      "a window within one day (12:00–14:00), inside",
      "2026-06-15T11:00:00Z",
      "Europe/Berlin",
      "12:00",
      "14:00",
      "2026-06-15T12:00:00.000Z",
    ],
    [
      "a window within one day (12:00–14:00), outside",
      "2026-06-15T13:00:00Z",
      "Europe/Berlin",
      "12:00",
      "14:00",
      "send",
    ],
    // Berlin springs forward at 01:00Z on 2026-03-29 (02:00 CET → 03:00 CEST): the night is an hour shorter.
    [
      "Berlin spring-forward night: 23:00 CET → 08:00 CEST (8 h later, not 9)",
      "2026-03-28T22:00:00Z",
      "Europe/Berlin",
      "21:00",
      "08:00",
      "2026-03-29T06:00:00.000Z",
    ],
    [
      "Berlin spring-forward night: 03:30 CEST is still quiet",
      "2026-03-29T01:30:00Z",
      "Europe/Berlin",
      "21:00",
      "08:00",
      "2026-03-29T06:00:00.000Z",
    ],
    [
      "Berlin spring-forward day: 08:00 CEST (06:00Z) sends, though 06:00Z was 07:00 the day before",
      "2026-03-29T06:00:00Z",
      "Europe/Berlin",
      "21:00",
      "08:00",
      "send",
    ],
    [
      "Berlin the day before: 06:00Z is 07:00 CET, still quiet",
      "2026-03-28T06:00:00Z",
      "Europe/Berlin",
      "21:00",
      "08:00",
      "2026-03-28T07:00:00.000Z",
    ],
    // Berlin falls back at 01:00Z on 2026-10-25 (03:00 CEST → 02:00 CET).
    [
      "Berlin fall-back night: 22:00 CEST → 08:00 CET (11 h later)",
      "2026-10-24T20:00:00Z",
      "Europe/Berlin",
      "21:00",
      "08:00",
      "2026-10-25T07:00:00.000Z",
    ],
    [
      "Berlin fall-back day: 06:30Z is 07:30 CET, still quiet",
      "2026-10-25T06:30:00Z",
      "Europe/Berlin",
      "21:00",
      "08:00",
      "2026-10-25T07:00:00.000Z",
    ],
    // New York springs forward 2026-03-08 07:00Z and falls back 2026-11-01 06:00Z.
    [
      "New York spring forward: 07:30 EDT (11:30Z) → 08:00 EDT",
      "2026-03-08T11:30:00Z",
      "America/New_York",
      "21:00",
      "08:00",
      "2026-03-08T12:00:00.000Z",
    ],
    [
      "New York fall back: 07:30 EST (12:30Z) → 08:00 EST",
      "2026-11-01T12:30:00Z",
      "America/New_York",
      "21:00",
      "08:00",
      "2026-11-01T13:00:00.000Z",
    ],
    // Auckland falls back 2026-04-05 (03:00 NZDT → 02:00 NZST at 14:00Z on the 4th).
    [
      "Auckland fall-back night: 22:00 NZDT → 08:00 NZST",
      "2026-04-04T09:00:00Z",
      "Pacific/Auckland",
      "21:00",
      "08:00",
      "2026-04-04T20:00:00.000Z",
    ],
    // An end time inside the skipped hour moves forward by the gap.
    [
      "quiet until 02:30 on the Berlin spring-forward night ends at 03:30 CEST",
      "2026-03-28T23:30:00Z",
      "Europe/Berlin",
      "22:00",
      "02:30",
      "2026-03-29T01:30:00.000Z",
    ],
  ];
  for (const [name, now, timezone, start, end, expected] of cases) {
    it(name, () => {
      const decision = evaluatePolicy(
        input({ now: new Date(now), policy: quiet(start, end, "defer", "Europe/Berlin"), profile: { timezone } }),
      );
      if (expected === "send") expect(decision).toEqual({ action: "send" });
      else expect(decision).toEqual({ action: "defer", reason: "quiet_hours", until: new Date(expected) });
    });
  }

  it("skips instead of deferring when the policy says so", () => {
    const decision = evaluatePolicy(
      input({
        now: new Date("2026-06-15T21:00:00Z"),
        policy: quiet("21:00", "08:00", "skip"),
        profile: { timezone: "Europe/Berlin" },
      }),
    );
    expect(decision).toEqual({
      action: "skip",
      reason: "quiet_hours",
      detail: "Quiet hours 21:00–08:00 in Europe/Berlin.",
    });
  });

  it("transactional bypasses quiet hours", () => {
    const decision = evaluatePolicy(
      input({
        transactional: true,
        now: new Date("2026-06-15T21:00:00Z"),
        policy: quiet("21:00", "08:00"),
        profile: { timezone: "Europe/Berlin" },
      }),
    );
    expect(decision).toEqual({ action: "send" });
  });

  it("disabled quiet hours never defer", () => {
    const p = quiet("00:00", "23:59");
    expect(evaluatePolicy(input({ policy: { ...p, quietHours: { ...p.quietHours, enabled: false } } }))).toEqual({
      action: "send",
    });
  });

  it("caps are checked before quiet hours (a capped message is skipped, not deferred)", () => {
    const p = { ...quiet("21:00", "08:00"), caps: [{ channel: "all" as const, max: 1, days: 1 }] };
    const decision = evaluatePolicy(
      input({
        now: new Date("2026-06-15T22:00:00Z"),
        policy: p,
        recentSends: [{ channel: "push", sentAt: new Date("2026-06-15T21:00:00Z") }],
      }),
    );
    expect(decision.action === "skip" && decision.reason).toBe("frequency_cap");
  });
});

describe("the policy schema", () => {
  it("accepts the default policy", () => {
    expect(policySchema.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
  });

  const refusals: [string, unknown, string][] = [
    ["an unknown channel", { ...DEFAULT_POLICY, caps: [{ channel: "fax", max: 1, days: 1 }] }, "caps.0.channel"],
    ["a cap of 0", { ...DEFAULT_POLICY, caps: [{ channel: "push", max: 0, days: 1 }] }, "caps.0.max"],
    ["a 0-day window", { ...DEFAULT_POLICY, caps: [{ channel: "push", max: 1, days: 0 }] }, "caps.0.days"],
    [
      "the same cap twice",
      {
        ...DEFAULT_POLICY,
        caps: [
          { channel: "push", max: 1, days: 7 },
          { channel: "push", max: 2, days: 7 },
        ],
      },
      "caps.1.days",
    ],
    [
      "a time that is not HH:MM",
      { ...DEFAULT_POLICY, quietHours: { ...DEFAULT_POLICY.quietHours, start: "9pm" } },
      "quietHours.start",
    ],
    ["24:00", { ...DEFAULT_POLICY, quietHours: { ...DEFAULT_POLICY.quietHours, end: "24:00" } }, "quietHours.end"],
    [
      "start equal to end",
      { ...DEFAULT_POLICY, quietHours: { ...DEFAULT_POLICY.quietHours, start: "08:00", end: "08:00" } },
      "quietHours.end",
    ],
    [
      "an unknown action",
      { ...DEFAULT_POLICY, quietHours: { ...DEFAULT_POLICY.quietHours, action: "drop" } },
      "quietHours.action",
    ],
    ["an unknown timezone", { ...DEFAULT_POLICY, defaultTimezone: "Europe/Atlantis" }, "defaultTimezone"],
    [
      "a topic key with spaces",
      { ...DEFAULT_POLICY, topics: [{ key: "weekly deals", label: "Weekly deals" }] },
      "topics.0.key",
    ],
    ["a topic without a label", { ...DEFAULT_POLICY, topics: [{ key: "deals", label: " " }] }, "topics.0.label"],
    [
      "a topic key twice",
      {
        ...DEFAULT_POLICY,
        topics: [
          { key: "deals", label: "A" },
          { key: "deals", label: "B" },
        ],
      },
      "topics.1.key",
    ],
  ];
  for (const [name, value, field] of refusals) {
    it(`refuses ${name}, naming ${field}`, () => {
      const result = policySchema.safeParse(value);
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join("."))).toContain(field);
    });
  }
});

it("every skip reason has a label", () => {
  for (const reason of SKIP_REASONS) expect(SKIP_REASON_LABELS[reason]).toMatch(/\w/);
});
