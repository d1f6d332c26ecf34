"use client";

import { useId } from "react";
import { useFormContext } from "react-hook-form";
import { FormField, FormItem, FormMessage } from "@/components/ui/form";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import type { CampaignSchedule } from "@/lib/delivery";
import { SCHEDULE_KINDS, scheduleFor, type ScheduleKind } from "../schedule-kinds";
import { ScheduleFields } from "./schedule-fields";
import type { CampaignFormValues } from "./types";

const today = () => new Date().toISOString().slice(0, 10);

/** When it sends: now, at a time, per timezone, recurring or triggered. */
export function ScheduleSection() {
  const form = useFormContext<CampaignFormValues>();
  const id = useId();
  return (
    <FormField
      control={form.control}
      name="schedule"
      render={({ field }) => {
        const schedule = field.value as CampaignSchedule;
        return (
          <FormItem className="gap-3" role="group" aria-labelledby={`${id}-legend`}>
            <p id={`${id}-legend`} className="text-sm font-medium">
              When
            </p>
            <RadioGroup
              aria-labelledby={`${id}-legend`}
              className="sm:grid-cols-2"
              value={schedule.kind}
              onValueChange={(kind) => field.onChange(scheduleFor(kind as ScheduleKind, today()))}
            >
              {SCHEDULE_KINDS.map((s) => (
                <RadioCard
                  key={s.kind}
                  id={`${id}-${s.kind}`}
                  value={s.kind}
                  label={s.label}
                  help={s.hint}
                  className="p-2"
                />
              ))}
            </RadioGroup>
            <ScheduleFields schedule={schedule} onChange={field.onChange} />
            <FormMessage />
          </FormItem>
        );
      }}
    />
  );
}
