import { describe, expect, it } from "vitest";
import { PENDING_COUNT_CAP } from "@/lib/profiles";
import { formatLag, formatPending, freshnessText } from "./data-as-of-text";

describe("data freshness text", () => {
  it("says up to date with the time when nothing waits, and how far behind and how much otherwise", () => {
    const asOf = "2026-12-07T14:03:12.345Z";
    expect(freshnessText({ asOf, lagMs: 0, pending: 0, oldestPendingAt: null })).toBe("Data up to date · 14:03:12 UTC");
    expect(freshnessText({ asOf, lagMs: 2_400, pending: 1_234, oldestPendingAt: asOf })).toBe(
      "Data as of 14:03:12 UTC · 2 s behind · 1.2K pending",
    );
  });

  it("says 100K+ past the count's cap (the status stops counting there)", () => {
    const asOf = "2026-12-07T14:03:12.345Z";
    const at = (pending: number) => freshnessText({ asOf, lagMs: 90_000, pending, oldestPendingAt: asOf });
    expect(at(PENDING_COUNT_CAP)).toBe("Data as of 14:03:12 UTC · 1 min behind · 100K pending");
    expect(at(PENDING_COUNT_CAP + 1)).toBe("Data as of 14:03:12 UTC · 1 min behind · 100K+ pending");
    expect(formatPending(3 * PENDING_COUNT_CAP)).toBe("100K+");
  });

  it("rounds the lag coarser as it grows", () => {
    expect([0, 59_000, 61_000, 3_600_000, 50 * 3_600_000].map(formatLag)).toEqual([
      "0 s",
      "59 s",
      "1 min",
      "1 h",
      "2 days",
    ]);
  });
});
