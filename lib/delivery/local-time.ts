/*
 * Wall-clock time in a profile's timezone, with Intl only (no tz library): the scheduler sends "at
 * 09:00 in each profile's timezone" and the policy keeps quiet hours in local time. Every function
 * is correct across DST changes: a wall time that does not exist (the hour skipped when clocks
 * spring forward) moves forward by the gap, and one that happens twice (clocks fall back) is its
 * first occurrence — what Temporal calls the "compatible" disambiguation.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

// One formatter per zone: constructing Intl.DateTimeFormat costs far more than formatting with it,
// and the worker asks once per recipient.
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

export type LocalParts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
};

/** True when Intl knows the zone (IANA names such as Europe/Berlin, and UTC). */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `timeZone` at `instant` (weekday 0 = Sunday). */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday!] ?? 0,
  };
}

/** The zone's offset from UTC at `instant`, in minutes (Berlin in summer: 120). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  // Intl drops milliseconds; compare whole seconds so the offset is exact.
  return Math.round((wall - Math.floor(instant.getTime() / 1000) * 1000) / MINUTE);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** The local calendar date "YYYY-MM-DD" in `timeZone` at `instant`. */
export function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** Minutes since local midnight in `timeZone` at `instant` (0…1439). */
export function localMinuteOfDay(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return p.hour * 60 + p.minute;
}

/** "HH:MM" → minutes since midnight. */
export function minutesOf(time: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`Not a time of day (HH:MM): ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** A calendar date plus `days` ("2026-03-28" + 1 → "2026-03-29"), month and year ends included. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY).toISOString().slice(0, 10);
}

/**
 * The instant when the wall clock in `timeZone` reads `time` on `date`. A skipped wall time
 * (spring forward: 02:30 in Berlin on the last Sunday of March) gives the instant the gap's length
 * later (03:30 CEST); a repeated one (fall back) gives its first occurrence.
 */
export function localTimeToInstant(date: string, time: string, timeZone: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a date (YYYY-MM-DD): ${date}`);
  const minutes = minutesOf(time);
  const wall = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    Math.floor(minutes / 60),
    minutes % 60,
  );
  // Real zones change offset at most once within a day either side: the offsets a day before and
  // a day after are the only candidates.
  const before = offsetMinutes(new Date(wall - DAY), timeZone);
  const after = offsetMinutes(new Date(wall + DAY), timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * MINUTE)
    .filter((t) => wall - offsetMinutes(new Date(t), timeZone) * MINUTE === t)
    .sort((a, b) => a - b);
  // No candidate: the wall time falls in a gap; the offset from before the gap moves it past it.
  return new Date(candidates[0] ?? wall - before * MINUTE);
}

/**
 * The first instant at or after `after` when the wall clock in `timeZone` reads `time` — today
 * if that is still ahead, else tomorrow (a skipped wall time moves forward as above).
 */
export function nextLocalTime(after: Date, time: string, timeZone: string): Date {
  const today = localDate(after, timeZone);
  for (let i = 0; i < 3; i++) {
    const candidate = localTimeToInstant(addDays(today, i), time, timeZone);
    if (candidate.getTime() >= after.getTime()) return candidate;
  }
  // Unreachable for real zones (a day always has the time within the next two days).
  throw new Error(`No ${time} in ${timeZone} after ${after.toISOString()}`);
}
