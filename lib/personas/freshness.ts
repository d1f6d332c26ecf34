import { STALE_AFTER_MONTHS } from "./schema";

/**
 * `date` plus whole calendar months in UTC; a day the target month lacks clamps to its last day (31 Aug + 6 → 28/29
 * Feb).
 */
export function addMonthsUtc(date: Date, months: number): Date {
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  target.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  return target;
}

export type Freshness = { state: "fresh" | "stale" | "never"; staleAt: Date | null };

/**
 * A persona is stale from the moment it has gone STALE_AFTER_MONTHS calendar months without
 * validation (exactly six months later counts as stale); one never validated is "never", which
 * every list treats as stale too.
 */
export function freshness(validatedAt: Date | null, now: Date = new Date()): Freshness {
  if (!validatedAt) return { state: "never", staleAt: null };
  const staleAt = addMonthsUtc(validatedAt, STALE_AFTER_MONTHS);
  return { state: now.getTime() >= staleAt.getTime() ? "stale" : "fresh", staleAt };
}

export const isStale = (validatedAt: Date | null, now?: Date) => freshness(validatedAt, now).state !== "fresh";
