import type { RangePreset } from "./schema";

const DAY = 86_400_000;
export type DayRange = { from: string; to: string; days: number };

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY));
export const dayStart = (day: string) => new Date(`${day}T00:00:00Z`);
/** The instant just after a range's last day: events are counted while occurredAt < this. */
export const dayEnd = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY);
export const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** A preset ("last 30 days", today included) or a custom range, as inclusive UTC days. */
export function resolveRange(query: { range: RangePreset; from?: string; to?: string }, now: Date): DayRange {
  if (query.range === "custom" && query.from && query.to)
    return { from: query.from, to: query.to, days: daysBetween(query.from, query.to) + 1 };
  const days = query.range === "7d" ? 7 : query.range === "90d" ? 90 : 30;
  const to = isoDay(now);
  return { from: addDays(to, -(days - 1)), to, days };
}

/** The comparison period: as many days, ending the day before the range starts. */
export function previousRange(range: DayRange): DayRange {
  const to = addDays(range.from, -1);
  return { from: addDays(to, -(range.days - 1)), to, days: range.days };
}

/** Monday of the ISO week a day falls in (what PostgreSQL's date_trunc('week') returns). */
export function weekStart(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}
