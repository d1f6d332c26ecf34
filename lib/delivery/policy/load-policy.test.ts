import { describe, expect, it } from "vitest";
import { hasChannelAddress } from "./has-address";
import { policyFromRow } from "./load-policy";
import { DEFAULT_POLICY } from "./schema";

describe("policyFromRow", () => {
  it("is the default policy when the workspace has no row", () => {
    expect(policyFromRow(null)).toEqual(DEFAULT_POLICY);
  });

  it("keeps the valid parts of a row and falls back to the default for a part that no longer validates", () => {
    const row = {
      caps: [{ channel: "sms", max: 2, days: 7 }],
      quietHours: { enabled: true, start: "9pm" },
      defaultTimezone: "Europe/Berlin",
      topics: "not a list",
    };
    expect(policyFromRow(row)).toEqual({
      caps: [{ channel: "sms", max: 2, days: 7 }],
      quietHours: DEFAULT_POLICY.quietHours,
      defaultTimezone: "Europe/Berlin",
      topics: [],
    });
  });
});

describe("hasChannelAddress", () => {
  const base = { email: null, phone: null, externalId: null, traits: {} };
  const cases: [string, Parameters<typeof hasChannelAddress>[0], Parameters<typeof hasChannelAddress>[1], boolean][] = [
    ["e-mail column", { ...base, email: "a@b.c" }, "email", true],
    ["an empty e-mail", { ...base, email: "" }, "email", false],
    ["SMS needs a phone", { ...base, email: "a@b.c" }, "sms", false],
    ["in-app needs a user id", { ...base, externalId: "u1" }, "in_app", true],
    ["push needs traits.push_token", { ...base, traits: { push_token: "tok" } }, "push", true],
    ["a push token that is not text", { ...base, traits: { push_token: 42 } }, "push", false],
    [
      "web push takes any JSON subscription",
      { ...base, traits: { web_push_subscription: { endpoint: "https://push.example" } } },
      "web_push",
      true,
    ],
    ["web push null is none", { ...base, traits: { web_push_subscription: null } }, "web_push", false],
    ["messenger chat id", { ...base, traits: { messenger_chat_id: "123" } }, "messenger", true],
    ["traits that are not an object", { ...base, traits: null }, "push", false],
  ];
  for (const [name, profile, channel, expected] of cases)
    it(name, () => expect(hasChannelAddress(profile, channel)).toBe(expected));
});
