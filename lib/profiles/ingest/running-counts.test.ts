import { describe, expect, it } from "vitest";
import {
  addCounts,
  advanceCounts,
  categoryOf,
  hourOfDay,
  miscountedProfiles,
  topKey,
  type CounterRow,
  type LockedProfile,
} from "./running-counts";

const at = (iso: string) => new Date(iso);

describe("running counts", () => {
  it("reads the hour on the profile's wall clock, through daylight-saving changes", () => {
    expect(hourOfDay(at("2026-07-01T22:30:00Z"), null)).toBe(22);
    expect(hourOfDay(at("2026-07-01T22:30:00Z"), "Europe/Berlin")).toBe(0); // CEST, UTC+2
    expect(hourOfDay(at("2026-12-01T22:30:00Z"), "Europe/Berlin")).toBe(23); // CET, UTC+1
    expect(hourOfDay(at("2026-03-08T10:00:00Z"), "America/New_York")).toBe(6); // the day EDT starts
    expect(hourOfDay(at("2026-07-01T00:15:00Z"), "Asia/Kolkata")).toBe(5); // UTC+5:30
  });

  it("breaks ties by code point, as recomputeTraitsSql does with the C collation", () => {
    expect(topKey({ bags: 2, hats: 3 })).toBe("hats");
    expect(topKey({ bags: 2, Bags: 2, Zebra: 2 })).toBe("Bags"); // upper case sorts first in code points
    expect(topKey({ "10": 4, "9": 4 })).toBe("10");
    expect(topKey({ é: 1, z: 1 })).toBe("z");
    expect(topKey({})).toBeNull();
  });

  it("counts only string categories of views", () => {
    expect(categoryOf("product_view", { category: "shoes" })).toBe("shoes");
    expect(categoryOf("page_view", { category: "" })).toBe("");
    expect(categoryOf("product_view", { category: 5 })).toBeNull();
    expect(categoryOf("purchase", { category: "shoes" })).toBeNull();
  });

  it("adds counts key by key", () => {
    expect(addCounts({ a: 1, b: 2 }, { b: 3, c: 1 })).toEqual({ a: 1, b: 5, c: 1 });
  });

  it("counts a batch's activity per locked profile and sends only the top keys that changed", () => {
    const locked: LockedProfile[] = [
      { id: "p1", timezone: "Europe/Berlin", favouriteCategory: "hats", activeHour: 9 },
      { id: "p2", timezone: null, favouriteCategory: "bags", activeHour: null },
      { id: "p3", timezone: null, favouriteCategory: null, activeHour: null },
    ];
    const counters: CounterRow[] = [
      { profileId: "p1", kind: "category", key: "hats", count: 2 },
      { profileId: "p1", kind: "hour", key: "9", count: 1 },
      { profileId: "p2", kind: "category", key: "bags", count: 1 },
    ];
    const event = (profileId: string, name: string, iso: string, properties: Record<string, unknown> = {}) => ({
      profileId,
      name,
      occurredAt: at(iso),
      properties,
    });
    const counts = advanceCounts(
      locked,
      counters,
      [
        event("p1", "product_view", "2026-12-01T08:00:00Z", { category: "bags" }),
        event("p1", "product_view", "2026-12-01T08:30:00Z", { category: "bags" }),
        event("p1", "$identify", "2026-12-01T08:31:00Z"),
        event("p2", "purchase", "2026-12-01T23:00:00Z", { category: "shoes" }),
        event("p2", "message_opened", "2026-12-01T23:10:00Z"),
        event("p3", "message_delivered", "2026-12-01T23:10:00Z"),
      ],
      new Map([["p2", "Asia/Tokyo"]]), // set by an identify in the same batch
    );
    expect(counts.added).toEqual([
      { profileId: "p1", kind: "category", key: "bags", count: 2 },
      { profileId: "p1", kind: "hour", key: "9", count: 2 },
      { profileId: "p2", kind: "hour", key: "8", count: 2 },
    ]);
    // p1: bags ties hats at 2 and wins by code point; its active hour stays 9. p2 viewed nothing: its
    // favourite category is left alone.
    expect(counts.topKeys).toEqual([
      { profileId: "p1", favouriteCategory: "bags", activeHour: null },
      { profileId: "p2", favouriteCategory: null, activeHour: 8 },
    ]);
  });

  it("finds the profiles whose merged counts included an event that was not stored", () => {
    const events = [
      { profileId: "p1", name: "product_view", messageId: "a" },
      { profileId: "p1", name: "product_view", messageId: "b" },
      { profileId: "p2", name: "app_open", messageId: "c" },
      { profileId: "p3", name: "app_open", messageId: "d" },
      { profileId: "p3", name: "message_sent", messageId: "e" },
    ];
    // p1: one stored, one not → recount. p2: nothing stored → untouched. p3: its activity stored.
    expect(miscountedProfiles(events, new Set(["a", "d"]))).toEqual(["p1"]);
  });
});
