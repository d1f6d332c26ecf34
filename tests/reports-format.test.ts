import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv";
import { formatChange, formatCount, formatDuration, formatPercent } from "@/components/charts/format";
import { deliveryRates, EMPTY_TOTALS } from "@/lib/analytics/metrics";
import { previousRange, resolveRange, weekStart } from "@/lib/analytics/range";
import { assembleRetention, periodState } from "@/lib/analytics/get-retention";
import { funnelQuerySchema, overviewQuerySchema } from "@/lib/analytics/schema";

describe("report formats and pure pieces", () => {
  it("quotes CSV cells with commas, quotes and line breaks, and leaves numbers raw", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x, y", 0.125],
          ['say "hi"', null],
          ["two\nlines", 3],
        ],
      ),
    ).toBe('a,b\r\n"x, y",0.125\r\n"say ""hi""",\r\n"two\nlines",3\r\n');
  });

  it("neutralises text a spreadsheet would run as a formula, and keeps negative numbers numeric", () => {
    const rows = [
      ['=HYPERLINK("http://evil.localhost","x")'],
      ["+1+1"],
      ["-2+3"],
      ["@SUM(A1)"],
      ["\tTAB"],
      [-0.25],
      ["a=b"],
    ];
    expect(toCsv(["name"], rows)).toBe(
      `name\r\n"'=HYPERLINK(""http://evil.localhost"",""x"")"\r\n'+1+1\r\n'-2+3\r\n'@SUM(A1)\r\n'\tTAB\r\n-0.25\r\na=b\r\n`,
    );
  });

  it("formats counts, rates, durations and changes for people", () => {
    expect(formatCount(12_345)).toBe("12,345");
    expect(formatCount(1_234_567)).toBe("1.2M");
    expect(formatPercent(0.1234)).toBe("12.3%");
    expect(formatPercent(0.0004)).toBe("<0.1%");
    expect(formatPercent(null)).toBe("—");
    expect(formatDuration(5400)).toBe("1.5 h");
    expect(formatChange(0.12, 0.1, "rate")).toEqual({ text: "+2.0 pp", direction: "up" });
    expect(formatChange(5, 10, "relative")).toEqual({ text: "−50%", direction: "down" });
    expect(formatChange(0.1, 0.10001, "rate")).toEqual({ text: "±0.0 pp", direction: "flat" });
  });

  it("gives null, not NaN, for a rate with nothing delivered", () => {
    expect(Object.values(deliveryRates(EMPTY_TOTALS)).every((v) => v === null)).toBe(true);
  });

  it("resolves presets to inclusive UTC days and the period before them", () => {
    const range = resolveRange({ range: "7d" }, new Date("2026-06-30T23:59:00Z"));
    expect(range).toEqual({ from: "2026-06-24", to: "2026-06-30", days: 7 });
    expect(previousRange(range)).toEqual({ from: "2026-06-17", to: "2026-06-23", days: 7 });
    expect(weekStart("2026-06-28")).toBe("2026-06-22"); // a Sunday belongs to the week from Monday
  });

  it("marks periods not started as blank and running ones as incomplete", () => {
    expect(periodState("2026-06-22", 1, 7, "2026-06-30")).toBe("incomplete");
    expect(periodState("2026-06-22", 2, 7, "2026-06-30")).toBe("future");
    expect(periodState("2026-06-15", 1, 7, "2026-06-30")).toBe("complete");
    const { cohorts, curve } = assembleRetention(
      [
        { cohort: "2026-06-28", k: -1, active: 4 },
        { cohort: "2026-06-28", k: 1, active: 2 },
        { cohort: "2026-06-29", k: -1, active: 2 },
      ],
      ["2026-06-28", "2026-06-29", "2026-06-30"],
      2,
      1,
      "2026-06-30",
      // Tiny cohorts on purpose: the minimum cohort size (tests/retention.test.ts) is not what this checks.
      1,
    );
    expect(cohorts[0]!.rate).toEqual([1, 0.5, 0]);
    expect(cohorts[1]!.active).toEqual([2, 0, null]);
    expect(cohorts[2]!.size).toBe(0);
    // Period 1 over the cohorts whose period 1 is over: 06-29's is today, so only 06-28 counts.
    expect(curve[1]).toMatchObject({ k: 1, rate: 2 / 4, active: 2, eligible: 4 });
    expect(curve[0]).toMatchObject({ k: 0, rate: 1, active: 6, eligible: 6 });
  });

  it("names the field at fault in a bad query", () => {
    const custom = overviewQuerySchema.safeParse({ range: "custom", from: "2026-06-10", to: "2026-06-01" });
    expect(custom.success || custom.error.issues[0]!.path).toEqual(["to"]);
    const tooMany = funnelQuerySchema.safeParse({ steps: "a,b,c,d,e,f,g" });
    expect(tooMany.success || tooMany.error.issues[0]!.path).toEqual(["steps"]);
  });
});
