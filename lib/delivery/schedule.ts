import { addDays, localTimeToInstant } from "./local-time";
import type { CampaignSchedule } from "./schema";

// The earliest timezone (UTC+14, Line Islands) reaches a wall-clock time 14 hours before UTC does.
const EARLIEST_OFFSET_MS = 14 * 3_600_000;

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * When an occurrence of a schedule sends. Per-profile schedules (local time, most active hour)
 * start at the first instant any profile is due; each profile's own time is its Message's
 * sendAfter (lib/delivery/enqueue.ts).
 */
function occurrenceStart(
  schedule: CampaignSchedule,
  isoDate: string,
  time: string,
  local: boolean,
  defaultTimezone: string,
): Date {
  if (local) return new Date(Date.parse(`${isoDate}T${time}:00Z`) - EARLIEST_OFFSET_MS);
  return localTimeToInstant(isoDate, time, defaultTimezone);
}

/** The next occurrence strictly after `after` (null when the schedule has none left), with its key. */
export function nextOccurrence(
  schedule: CampaignSchedule,
  after: Date,
  occurrencesSoFar: number,
  defaultTimezone: string,
): { at: Date; key: string } | null {
  switch (schedule.kind) {
    case "now":
      return occurrencesSoFar === 0 ? { at: after, key: "1" } : null;
    case "at":
      return occurrencesSoFar === 0 ? { at: new Date(schedule.at), key: "1" } : null;
    case "local_time":
      return occurrencesSoFar === 0
        ? { at: occurrenceStart(schedule, schedule.date, schedule.time, true, defaultTimezone), key: "1" }
        : null;
    case "best_hour":
      // Each profile's active hour is local, so the day starts where it starts first.
      return occurrencesSoFar === 0
        ? { at: occurrenceStart(schedule, schedule.date, "00:00", true, defaultTimezone), key: "1" }
        : null;
    case "recurring": {
      // Walk day by day from the day before `after` (a local day may start before UTC's).
      for (let d = addDays(day(after), -1), i = 0; i < 9; d = addDays(d, 1), i++) {
        if (schedule.until && d > schedule.until) return null;
        if (schedule.every === "week" && new Date(`${d}T00:00:00Z`).getUTCDay() !== schedule.weekday) continue;
        const at = occurrenceStart(schedule, d, schedule.time, schedule.localTime, defaultTimezone);
        if (at > after) return { at, key: d };
      }
      return null;
    }
    case "trigger":
      return null;
  }
}
