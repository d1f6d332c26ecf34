import { describe, expect, it } from "vitest";
import { compareAudiences } from "./compare-audiences";
import type { AudienceStats } from "./evaluate-assumptions";

const stats = (
  size: number,
  distributions: Partial<AudienceStats["distributions"]>,
  channels: AudienceStats["channels"] = [],
): AudienceStats => ({
  size,
  distributions: {
    platform: [],
    country: [],
    locale: [],
    favouriteCategory: [],
    activeHour: [],
    ltv: [],
    ordersCount: [],
    ...distributions,
  },
  summary: {
    ltvMedian: null,
    ltvMean: null,
    ordersCountMedian: null,
    ordersCountMean: null,
    aovMedian: null,
    aovMean: null,
  },
  channels,
});
const dimension = (key: string, a: AudienceStats | null, b: AudienceStats | null) =>
  compareAudiences(a, b).find((d) => d.key === key)!;

describe("compareAudiences", () => {
  it("shares each value of each persona's own audience, unknowns as a row of their own", () => {
    const a = stats(100, {
      platform: [
        { value: "ios", profiles: 60 },
        { value: null, profiles: 40 },
      ],
    });
    const b = stats(1000, {
      platform: [
        { value: "ios", profiles: 100 },
        { value: "web", profiles: 900 },
      ],
    });
    const rows = dimension("platform", a, b).rows;
    expect(rows.map((r) => r.label)).toEqual(["Web", "iOS", "Unknown"]);
    expect(rows[1]).toMatchObject({ a: { count: 60, of: 100, ratio: 0.6 }, b: { count: 100, of: 1000, ratio: 0.1 } });
    expect(rows[0]!.a).toEqual({ count: 0, of: 100, ratio: 0 });
  });

  it("keeps buckets in ascending order, whatever order the query returned", () => {
    const a = stats(10, {
      ltv: [
        { value: "> 1000", profiles: 1 },
        { value: "0", profiles: 5 },
        { value: "100–250", profiles: 4 },
      ],
    });
    expect(dimension("ltv", a, null).rows.map((r) => r.value)).toEqual(["0", "100–250", "> 1000"]);
    expect(dimension("ltv", a, null).rows[0]!.b).toBeNull();
  });

  it("sums the long tail of countries into one row", () => {
    const codes = ["US", "DE", "GB", "FR", "ES", "AT", "IT", "NL", "PL", "SE"];
    const a = stats(550, { country: codes.map((value, i) => ({ value, profiles: 100 - i * 10 })) });
    const rows = dimension("country", a, null).rows;
    expect(rows).toHaveLength(8);
    expect(rows[0]!.label).toBe("United States (US)");
    expect(rows.at(-1)).toMatchObject({ label: "3 other countries", a: { count: 30 + 20 + 10, of: 550 } });
  });

  it("rates opens per channel of delivered messages; a channel nobody received is no data", () => {
    const a = stats(10, {}, [{ channel: "email", delivered: 200, opened: 50, clicked: 10 }]);
    const b = stats(10, {}, [{ channel: "sms", delivered: 100, opened: 90, clicked: 5 }]);
    const rows = dimension("openRate", a, b).rows;
    expect(rows.map((r) => r.value)).toEqual(["email", "sms"]);
    expect(rows[0]).toMatchObject({ a: { count: 50, of: 200, ratio: 0.25 }, b: { count: 0, of: 0, ratio: null } });
  });
});
