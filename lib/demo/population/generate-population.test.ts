import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
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
