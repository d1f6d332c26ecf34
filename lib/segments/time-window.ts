import { Prisma } from "@/lib/generated/prisma/client";
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

/** Identity calls ("$identify", "$alias") are kept as raw events for the timeline but never rolled up. */
export const isRolledUp = (event: string) => !event.startsWith("$");

/**
 * An instant as a UTC `timestamp` (timestamp columns hold UTC without a zone). Strings keep their
 * full precision: a bound of 10:00:00.836483Z must not be rounded to .836.
 */
export const instantSql = (at: Date | string) =>
  Prisma.sql`(${typeof at === "string" ? at : at.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
