import { describe, expect, it } from "vitest";
import { experimentHealth, type HealthInput } from "./experiment-health";

const now = new Date("2026-12-01T12:00:00Z");
const base: HealthInput = {
  now,
  startedAt: "2026-12-01T09:30:00Z",
  campaignStatus: "sent",
  observed: [0, 0, 0],
  multipleExposed: 0,
  launch: { at: "2026-12-01T09:30:00Z", audience: 347, skips: [], reachable: 347, triggered: false, arms: [] },
  messages: { total: 347, waiting: 0, skipped: 347, skipReasons: [{ reason: "frequency_cap", count: 347 }] },
  srm: { pValue: 1, alarm: false },
};

describe("experimentHealth", () => {
  it("no exposures 2 hours after launch cannot be read, and says what the messages became", () => {
    const h = experimentHealth(base);
    expect(h.readable).toBe(false);
    expect(h.findings).toEqual([
      {
        tone: "warning",
        text: "No exposures 2 hours after launch: 347 of 347 messages were skipped (frequency cap reached: 347).",
      },
    ]);
    expect(h.skipped).toMatchObject({ value: 1, n: 347, tooFew: false });
  });

  it("within the first hour it is news, not a fault; a scheduled campaign has sent nothing by design", () => {
    const early = experimentHealth({
      ...base,
      startedAt: "2026-12-01T11:20:00Z",
      messages: { total: 347, waiting: 347, skipped: 0, skipReasons: [] },
    });
    expect(early.readable).toBe(true);
    expect(early.findings).toEqual([{ tone: "info", text: "No exposures yet; launched less than an hour ago." }]);
    expect(early.skipped).toBeNull();
    expect(
      experimentHealth({
        ...base,
        campaignStatus: "scheduled",
        messages: { total: 0, waiting: 0, skipped: 0, skipReasons: [] },
      }).findings,
    ).toEqual([]);
  });

  it("warns when sending is done and fewer than half the expected were exposed", () => {
    const h = experimentHealth({
      ...base,
      observed: [60, 60, 20],
      messages: { total: 347, waiting: 0, skipped: 207, skipReasons: [{ reason: "quiet_hours", count: 207 }] },
    });
    expect(h.exposed).toBe(140);
    expect(h.expected).toBe(347);
    expect(h.findings).toEqual([
      {
        tone: "warning",
        text: "Exposed 140 of the 347 the launch estimate expected: policy or delivery turned away more than expected.",
      },
    ]);
    expect(h.readable).toBe(true);
  });

  it("surfaces the sample-ratio alarm, and whether there were enough exposures to check it", () => {
    const h = experimentHealth({ ...base, observed: [200, 100, 30], srm: { pValue: 0.00001, alarm: true } });
    expect(h.readable).toBe(false);
    expect(h.srm).toEqual({ checked: true, pValue: 0.00001, alarm: true });
    expect(h.findings[0]!.tone).toBe("alarm");
    expect(experimentHealth({ ...base, observed: [40, 40, 9], messages: null, launch: null }).srm.checked).toBe(false);
  });
});
