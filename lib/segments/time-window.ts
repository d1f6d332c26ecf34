import type { EventWindow } from "./schema";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The start of "the last N hours / days" (schema.ts, "Time"): now − N h, or 00:00 UTC of the day
 * N days before today, so a day window covers whole UTC days and daily rollups answer it exactly.
 */
export function windowStart(amount: number, unit: "hours" | "days", now: Date): Date {
  if (unit === "hours") return new Date(now.getTime() - amount * HOUR);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - amount * DAY);
}

/** A window in whole UTC days (or all time) with no property filters can be read from rollups. */
export function isWholeDays(window: EventWindow): boolean {
  return window.type === "ever" || (window.type === "last" && window.unit === "days");
}

/** A UTC calendar date as PostgreSQL's `date` literal. */
export const utcDate = (at: Date) => at.toISOString().slice(0, 10);

/** Instants go to the database as UTC wall-clock strings: timestamp columns hold UTC without a zone. */
export const utcTimestamp = (at: Date | string) => (typeof at === "string" ? new Date(at) : at).toISOString().replace("Z", "");
