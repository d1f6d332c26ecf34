import { nextLocalTime } from "@/lib/delivery/local-time";
import type { Wait } from "../schema";

/** When a profile without an activeHour (no activity yet) is sent at its "best hour", in its local time. */
export const BEST_HOUR_FALLBACK = "10:00";

/**
 * When a wait step that starts at `now` is over, and the event it waits for (wait-until-event: its
 * timeout is the due time; the event, when it comes first, makes it due at once). Local times are in
 * `timeZone`, the profile's own or the policy's default (profileTimeZone); the best hour is the
 * profile's most active local hour (Profile.activeHour, a computed trait).
 */
export function waitUntil(
  wait: Wait,
  now: Date,
  profile: { activeHour: number | null },
  timeZone: string,
): { dueAt: Date; waitingFor: string | null } {
  switch (wait.type) {
    case "duration":
      return { dueAt: new Date(now.getTime() + wait.minutes * 60_000), waitingFor: null };
    case "local_time":
      return { dueAt: nextLocalTime(now, wait.at, timeZone), waitingFor: null };
    case "best_hour": {
      const at = profile.activeHour === null ? BEST_HOUR_FALLBACK : `${String(profile.activeHour).padStart(2, "0")}:00`;
      return { dueAt: nextLocalTime(now, at, timeZone), waitingFor: null };
    }
    case "event":
      return { dueAt: new Date(now.getTime() + wait.timeoutMinutes * 60_000), waitingFor: wait.event };
  }
}
