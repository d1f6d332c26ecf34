import { describe, expect, it } from "vitest";
import { addMonthsUtc, freshness } from "./freshness";

describe("persona freshness", () => {
  it("turns stale exactly six calendar months after the validation, not a millisecond before", () => {
    const validatedAt = new Date("2026-06-01T09:30:00Z");
    expect(freshness(validatedAt, new Date("2026-12-01T09:29:59.999Z")).state).toBe("fresh");
    expect(freshness(validatedAt, new Date("2026-12-01T09:30:00Z"))).toEqual({
      state: "stale",
      staleAt: new Date("2026-12-01T09:30:00Z"),
    });
  });

  it("clamps to the end of a shorter month", () => {
    expect(addMonthsUtc(new Date("2026-08-31T12:00:00Z"), 6)).toEqual(new Date("2027-02-28T12:00:00Z"));
    expect(addMonthsUtc(new Date("2027-08-31T00:00:00Z"), 6)).toEqual(new Date("2028-02-29T00:00:00Z"));
  });

  it("calls a persona that was never validated 'never', which lists treat as stale", () => {
    expect(freshness(null)).toEqual({ state: "never", staleAt: null });
  });
});
