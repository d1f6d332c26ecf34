import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEMO_CAMPAIGNS } from "./campaigns";
import { generatePopulation, type PopulationOptions } from "./generate-population";

const now = new Date("2026-11-01T00:00:00Z");

function digest(options: PopulationOptions) {
  const hash = createHash("sha256");
  let events = 0;
  for (const { profile, events: own } of generatePopulation(options)) {
    hash.update(JSON.stringify(profile));
    for (const event of own) hash.update(JSON.stringify(event));
    events += own.length;
  }
  return { events, hash: hash.digest("hex") };
}

describe("demo population generator", () => {
  it("gives the same population for the same seed and a different one for another", () => {
    const options = { profiles: 300, eventsPerProfile: 40, seed: 42, now };
    expect(digest(options)).toEqual(digest(options));
    expect(digest({ ...options, seed: 43 }).hash).not.toBe(digest(options).hash);
  });

  it("lands near the requested events in a sparse population (10 per profile, as at 1M / 10M)", () => {
    const { events } = digest({ profiles: 20_000, eventsPerProfile: 10, seed: 42, now });
    expect(events / 200_000).toBeGreaterThan(0.95);
    expect(events / 200_000).toBeLessThan(1.05);
  });
});

describe("a demo population a marketer would believe", () => {
  const population = (profiles: number) => [...generatePopulation({ profiles, eventsPerProfile: 40, seed: 42, now })];
  // The default demo (`npm run seed`) and the one the end-to-end tests seed.
  const full = population(5_000);
  const e2e = population(300);
  const messageEvents = (p: typeof full) => p.flatMap((x) => x.events).filter((e) => e.name.startsWith("message_"));

  /** Unique clickers / delivered over the push sends of one targeting (CTR as the reports define it). */
  function pushCtr(p: typeof full, targeting: "mass" | "segmented") {
    const campaigns = new Set(
      DEMO_CAMPAIGNS.filter((c) => c.channel === "push" && c.targeting === targeting).map((c) => c.id),
    );
    const events = messageEvents(p).filter((e) => e.campaignId !== null && campaigns.has(e.campaignId));
    const unique = (name: string) =>
      new Set(events.filter((e) => e.name === name).map((e) => `${e.campaignId}|${e.profileId}`)).size;
    return { ctr: unique("message_clicked") / unique("message_delivered"), delivered: unique("message_delivered") };
  }

  it("records no opens for SMS, which cannot see them, but its tracked-link clicks", () => {
    const sms = messageEvents(full).filter((e) => e.channel === "sms");
    expect(sms.filter((e) => e.name === "message_delivered").length).toBeGreaterThan(500);
    expect(sms.filter((e) => e.name === "message_opened")).toEqual([]);
    expect(sms.filter((e) => e.name === "message_clicked").length).toBeGreaterThan(50);
  });

  it("shows segmented push 25–40 % above mass push in CTR, as the research reports", () => {
    const segmented = pushCtr(full, "segmented");
    const mass = pushCtr(full, "mass");
    expect(segmented.delivered).toBeGreaterThan(500);
    expect(segmented.ctr / mass.ctr).toBeGreaterThanOrEqual(1.25);
    expect(segmented.ctr / mass.ctr).toBeLessThanOrEqual(1.4);
    // 45 segmented recipients in the 300-profile demo: one click more or less moves the ratio by 0.2.
    const small = pushCtr(e2e, "segmented").ctr / pushCtr(e2e, "mass").ctr;
    expect(small).toBeGreaterThan(1.1);
    expect(small).toBeLessThan(1.6);
  });

  it("gives every message event its message's id and the instant that message was sent", () => {
    const events = messageEvents(full);
    const sentAt = new Map(
      events
        .filter((e) => e.name === "message_sent")
        .map((e) => [`${e.profileId}:${e.campaignId}`, e.occurredAt.toISOString()]),
    );
    expect(new Set(events.map((e) => e.name))).toEqual(
      new Set([
        "message_sent",
        "message_delivered",
        "message_opened",
        "message_clicked",
        "message_converted",
        "message_unsubscribed",
      ]),
    );
    for (const e of events) {
      expect(e.properties.messageId).toBe(`${e.profileId}:${e.campaignId}`);
      expect(e.properties.sentAt).toBe(sentAt.get(`${e.profileId}:${e.campaignId}`));
    }
  });

  it("signs every profile up once and sends it nothing from before its signup", () => {
    for (const { events } of full) {
      const signups = events.filter((e) => e.name === "signup");
      expect(signups).toHaveLength(1);
      const sends = events.filter((e) => e.name === "message_sent");
      for (const send of sends) expect(send.occurredAt.getTime()).toBeGreaterThan(signups[0]!.occurredAt.getTime());
    }
  });
});
