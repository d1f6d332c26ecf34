import type { CampaignSchedule } from "@/lib/delivery";

export type ScheduleKind = CampaignSchedule["kind"];

export const SCHEDULE_KINDS: { kind: ScheduleKind; label: string; hint: string }[] = [
  { kind: "now", label: "Now", hint: "As soon as you launch." },
  { kind: "at", label: "At a time", hint: "One moment for everyone." },
  { kind: "local_time", label: "In each profile's timezone", hint: "9:00 in Berlin, then 9:00 in New York." },
  { kind: "best_hour", label: "At each profile's most active hour", hint: "From their activity (computed trait)." },
  { kind: "recurring", label: "Recurring", hint: "Every day or every week." },
  { kind: "trigger", label: "Triggered", hint: "Abandoned cart, inactivity, or any event." },
];

/** A starting schedule of a kind, for the form's radio buttons. */
export function scheduleFor(kind: ScheduleKind, today: string): CampaignSchedule {
  switch (kind) {
    case "now":
      return { kind };
    case "at":
      return { kind, at: new Date(Date.now() + 3_600_000).toISOString() };
    case "local_time":
      return { kind, date: today, time: "09:00" };
    case "best_hour":
      return { kind, date: today, fallbackTime: "10:00" };
    case "recurring":
      return { kind, every: "week", weekday: 1, time: "09:00", localTime: true };
    case "trigger":
      return { kind, trigger: { recipe: "abandoned_cart", hours: 4 } };
  }
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A schedule in one line: "Every Monday at 09:00 local time", "Abandoned cart after 4 h". */
export function describeSchedule(s: CampaignSchedule): string {
  switch (s.kind) {
    case "now":
      return "Now";
    case "at":
      return (
        `At ` +
        `${new Date(s.at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`
      );
    case "local_time":
      return `${s.date} at ${s.time} in each profile's timezone`;
    case "best_hour":
      return `${s.date} at each profile's most active hour`;
    case "recurring":
      return (
        `Every ${s.every === "day" ? "day" : WEEKDAYS[s.weekday ?? 1]} at ` +
        `${s.time}${s.localTime ? " local time" : ""}${s.until ? ` until ${s.until}` : ""}`
      );
    case "trigger":
      return s.trigger.recipe === "abandoned_cart"
        ? `Abandoned cart: ${s.trigger.hours} h without a purchase`
        : s.trigger.recipe === "inactivity"
          ? `Inactive for ${s.trigger.days} days`
          : `On ${s.trigger.event}${s.trigger.delayMinutes ? ` after ${s.trigger.delayMinutes} min` : ", at once"}`;
  }
}
