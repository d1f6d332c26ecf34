"use client";

import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { CampaignSchedule } from "@/lib/delivery";

/** The inputs of the chosen kind of schedule. */
export function ScheduleFields({
  schedule,
  onChange,
}: {
  schedule: CampaignSchedule;
  onChange: (s: CampaignSchedule) => void;
}) {
  const field = "grid gap-1.5 text-sm";
  switch (schedule.kind) {
    case "now":
      return null;
    case "at":
      return (
        <label className={field}>
          Send at (your local time)
          <Input
            type="datetime-local"
            className="max-w-xs"
            value={toLocalInput(schedule.at)}
            onChange={(e) => onChange({ kind: "at", at: new Date(e.target.value).toISOString() })}
          />
        </label>
      );
    case "local_time":
      return (
        <div className="flex flex-wrap gap-4">
          <label className={field}>
            Date
            <Input
              type="date"
              value={schedule.date}
              onChange={(e) => onChange({ ...schedule, date: e.target.value })}
            />
          </label>
          <label className={field}>
            Time in each profile&apos;s timezone
            <Input
              type="time"
              value={schedule.time}
              onChange={(e) => onChange({ ...schedule, time: e.target.value })}
            />
          </label>
        </div>
      );
    case "best_hour":
      return (
        <div className="flex flex-wrap gap-4">
          <label className={field}>
            Date
            <Input
              type="date"
              value={schedule.date}
              onChange={(e) => onChange({ ...schedule, date: e.target.value })}
            />
          </label>
          <label className={field}>
            When a profile has no active hour yet
            <Input
              type="time"
              value={schedule.fallbackTime}
              onChange={(e) => onChange({ ...schedule, fallbackTime: e.target.value })}
            />
          </label>
        </div>
      );
    case "recurring":
      return (
        <div className="flex flex-wrap items-end gap-4">
          <label className={field}>
            Every
            <NativeSelect
              value={schedule.every}
              onChange={(e) =>
                onChange({
                  ...schedule,
                  every: e.target.value as "day" | "week",
                  weekday: e.target.value === "week" ? (schedule.weekday ?? 1) : undefined,
                })
              }
            >
              <option value="day">day</option>
              <option value="week">week</option>
            </NativeSelect>
          </label>
          {schedule.every === "week" && (
            <label className={field}>
              On
              <NativeSelect
                value={String(schedule.weekday ?? 1)}
                onChange={(e) => onChange({ ...schedule, weekday: Number(e.target.value) })}
              >
                {["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].map((d, i) => (
                  <option key={d} value={i}>
                    {d}
                  </option>
                ))}
              </NativeSelect>
            </label>
          )}
          <label className={field}>
            At
            <Input
              type="time"
              value={schedule.time}
              onChange={(e) => onChange({ ...schedule, time: e.target.value })}
            />
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="accent-primary"
              checked={schedule.localTime}
              onChange={(e) => onChange({ ...schedule, localTime: e.target.checked })}
            />{" "}
            in each profile&apos;s timezone
          </label>
          <label className={field}>
            Until (optional)
            <Input
              type="date"
              value={schedule.until ?? ""}
              onChange={(e) => onChange({ ...schedule, until: e.target.value || undefined })}
            />
          </label>
        </div>
      );
    case "trigger": {
      const t = schedule.trigger;
      return (
        <div className="flex flex-wrap items-end gap-4">
          <label className={field}>
            Recipe
            <NativeSelect
              value={t.recipe}
              onChange={(e) =>
                onChange({
                  kind: "trigger",
                  trigger:
                    e.target.value === "abandoned_cart"
                      ? { recipe: "abandoned_cart", hours: 4 }
                      : e.target.value === "inactivity"
                        ? { recipe: "inactivity", days: 14 }
                        : { recipe: "event", event: "add_to_cart", delayMinutes: 0 },
                })
              }
            >
              <option value="abandoned_cart">Abandoned cart</option>
              <option value="inactivity">Inactivity</option>
              <option value="event">On an event</option>
            </NativeSelect>
          </label>
          {t.recipe === "abandoned_cart" && (
            <label className={field}>
              Hours without a purchase after add_to_cart
              <Input
                inputMode="numeric"
                className="w-28"
                value={t.hours}
                onChange={(e) => onChange({ kind: "trigger", trigger: { ...t, hours: Number(e.target.value) || 0 } })}
              />
            </label>
          )}
          {t.recipe === "inactivity" && (
            <label className={field}>
              Days without app_open / session_start
              <Input
                inputMode="numeric"
                className="w-28"
                value={t.days}
                onChange={(e) => onChange({ kind: "trigger", trigger: { ...t, days: Number(e.target.value) || 0 } })}
              />
            </label>
          )}
          {t.recipe === "event" && (
            <>
              <label className={field}>
                Event
                <Input
                  value={t.event}
                  onChange={(e) => onChange({ kind: "trigger", trigger: { ...t, event: e.target.value } })}
                />
              </label>
              <label className={field}>
                Delay (minutes)
                <Input
                  inputMode="numeric"
                  className="w-28"
                  value={t.delayMinutes}
                  onChange={(e) =>
                    onChange({ kind: "trigger", trigger: { ...t, delayMinutes: Number(e.target.value) || 0 } })
                  }
                />
              </label>
            </>
          )}
        </div>
      );
    }
  }
}

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
