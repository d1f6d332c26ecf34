import { describe, expect, it } from "vitest";
import {
  addDays,
  isValidTimeZone,
  localDate,
  localMinuteOfDay,
  localTimeToInstant,
  nextLocalTime,
  offsetMinutes,
} from "./local-time";

describe("localTimeToInstant", () => {
  const cases: [string, string, string, string, string][] = [
    ["Berlin in summer (CEST, +2)", "2026-06-15", "09:00", "Europe/Berlin", "2026-06-15T07:00:00.000Z"],
    ["Berlin in winter (CET, +1)", "2026-01-15", "09:00", "Europe/Berlin", "2026-01-15T08:00:00.000Z"],
    [
      "Berlin spring forward: 02:30 does not exist, moves to 03:30 CEST",
      "2026-03-29",
      "02:30",
      "Europe/Berlin",
      "2026-03-29T01:30:00.000Z",
    ],
    [
      "Berlin spring forward: 03:00 is the first minute of CEST",
      "2026-03-29",
      "03:00",
      "Europe/Berlin",
      "2026-03-29T01:00:00.000Z",
    ],
    [
      "Berlin fall back: 02:30 happens twice, the first (CEST) is taken",
      "2026-10-25",
      "02:30",
      "Europe/Berlin",
      "2026-10-25T00:30:00.000Z",
    ],
    ["Berlin fall back: 03:00 is once, in CET", "2026-10-25", "03:00", "Europe/Berlin", "2026-10-25T02:00:00.000Z"],
    [
      "New York spring forward: 02:30 → 03:30 EDT",
      "2026-03-08",
      "02:30",
      "America/New_York",
      "2026-03-08T07:30:00.000Z",
    ],
    ["New York fall back: 01:30 first in EDT", "2026-11-01", "01:30", "America/New_York", "2026-11-01T05:30:00.000Z"],
    ["New York in summer", "2026-07-04", "21:00", "America/New_York", "2026-07-05T01:00:00.000Z"],
    ["Kolkata: half-hour offset, no DST", "2026-06-15", "09:00", "Asia/Kolkata", "2026-06-15T03:30:00.000Z"],
    [
      "Kolkata: local midnight is the previous UTC day",
      "2026-06-15",
      "00:00",
      "Asia/Kolkata",
      "2026-06-14T18:30:00.000Z",
    ],
    ["Auckland in its winter (NZST, +12)", "2026-06-15", "09:00", "Pacific/Auckland", "2026-06-14T21:00:00.000Z"],
    ["Auckland in its summer (NZDT, +13)", "2026-01-15", "09:00", "Pacific/Auckland", "2026-01-14T20:00:00.000Z"],
    [
      "Auckland spring forward (September): 02:30 → 03:30 NZDT",
      "2026-09-27",
      "02:30",
      "Pacific/Auckland",
      "2026-09-26T14:30:00.000Z",
    ],
    [
      "Auckland fall back (April): 02:30 first in NZDT",
      "2026-04-05",
      "02:30",
      "Pacific/Auckland",
      "2026-04-04T13:30:00.000Z",
    ],
    ["UTC", "2026-02-28", "23:59", "UTC", "2026-02-28T23:59:00.000Z"],
  ];
  for (const [name, date, time, zone, expected] of cases) {
    it(name, () => {
      expect(localTimeToInstant(date, time, zone).toISOString()).toBe(expected);
    });
  }

  it("round-trips: the instant's local date and time are the ones asked for, on every day of a year", () => {
    for (const zone of ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Pacific/Auckland"]) {
      for (let day = 0; day < 365; day++) {
        const date = addDays("2026-01-01", day);
        const instant = localTimeToInstant(date, "09:15", zone);
        expect(localDate(instant, zone)).toBe(date);
        expect(localMinuteOfDay(instant, zone)).toBe(9 * 60 + 15);
      }
    }
  });

  it("rejects malformed input instead of guessing", () => {
    expect(() => localTimeToInstant("2026-6-1", "09:00", "UTC")).toThrow(/YYYY-MM-DD/);
    expect(() => localTimeToInstant("2026-06-01", "9:00", "UTC")).toThrow(/HH:MM/);
  });
});

describe("nextLocalTime", () => {
  const cases: [string, string, string, string, string][] = [
    ["later today", "2026-06-15T05:00:00.000Z", "09:00", "Europe/Berlin", "2026-06-15T07:00:00.000Z"],
    [
      "already passed today → tomorrow",
      "2026-06-15T08:00:00.000Z",
      "09:00",
      "Europe/Berlin",
      "2026-06-16T07:00:00.000Z",
    ],
    ["exactly now → now", "2026-06-15T07:00:00.000Z", "09:00", "Europe/Berlin", "2026-06-15T07:00:00.000Z"],
    [
      "overnight into spring forward: 21:00 CET → 08:00 CEST is 10 h",
      "2026-03-28T20:00:00.000Z",
      "08:00",
      "Europe/Berlin",
      "2026-03-29T06:00:00.000Z",
    ],
    [
      "overnight into fall back: 22:00 CEST → 08:00 CET is 11 h",
      "2026-10-24T20:00:00.000Z",
      "08:00",
      "Europe/Berlin",
      "2026-10-25T07:00:00.000Z",
    ],
    [
      "a day after 09:00 on the spring-forward eve is 23 h later",
      "2026-03-28T08:00:00.001Z",
      "09:00",
      "Europe/Berlin",
      "2026-03-29T07:00:00.000Z",
    ],
    ["New York fall back evening", "2026-10-31T23:00:00.000Z", "08:00", "America/New_York", "2026-11-01T13:00:00.000Z"],
    ["Kolkata across UTC midnight", "2026-06-14T20:00:00.000Z", "08:00", "Asia/Kolkata", "2026-06-15T02:30:00.000Z"],
    [
      "Auckland: its local tomorrow is still today in UTC",
      "2026-06-15T11:00:00.000Z",
      "08:00",
      "Pacific/Auckland",
      "2026-06-15T20:00:00.000Z",
    ],
  ];
  for (const [name, after, time, zone, expected] of cases) {
    it(name, () => {
      expect(nextLocalTime(new Date(after), time, zone).toISOString()).toBe(expected);
    });
  }
});

describe("offsets and zones", () => {
  it("reads the offset in minutes, half hours included", () => {
    expect(offsetMinutes(new Date("2026-06-15T12:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(offsetMinutes(new Date("2026-06-15T12:00:00Z"), "America/New_York")).toBe(-240);
    expect(offsetMinutes(new Date("2026-12-15T12:00:00Z"), "America/New_York")).toBe(-300);
  });

  it("knows IANA zones and UTC, and nothing else", () => {
    expect(isValidTimeZone("Europe/Berlin")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("adds days across month and year ends and leap days", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
