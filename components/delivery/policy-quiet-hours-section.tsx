"use client";

import { useFormContext, useWatch } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Label } from "@/components/ui/label";
import type { WorkspacePolicy } from "@/lib/delivery";

/** Quiet hours (from, until, defer or skip) and the default timezone. */
export function PolicyQuietHoursSection({ timeZones }: { timeZones: string[] }) {
  const { control } = useFormContext<WorkspacePolicy>();
  const enabled = useWatch({ control, name: "quietHours.enabled" });
  return (
    <div className="space-y-4">
      <FormField
        control={control}
        name="quietHours.enabled"
        render={({ field }) => (
          <FormItem className="flex items-center gap-2">
            <FormControl>
              <Checkbox
                checked={field.value}
                onBlur={field.onBlur}
                onCheckedChange={(checked) => field.onChange(checked === true)}
              />
            </FormControl>
            <FormLabel className="font-normal">Keep quiet hours</FormLabel>
          </FormItem>
        )}
      />
      <div className="flex flex-wrap items-start gap-4">
        {(["start", "end"] as const).map((end) => (
          <FormField
            key={end}
            control={control}
            name={`quietHours.${end}`}
            render={({ field }) => (
              <FormItem>
                <FormLabel>{end === "start" ? "From" : "Until"}</FormLabel>
                <FormControl>
                  <Input type="time" className="w-32" disabled={!enabled} {...field} />
                </FormControl>
                <FormMessage />
              </FormItem>
            )}
          />
        ))}
        <FormField
          control={control}
          name="quietHours.action"
          render={({ field }) => (
            <FormItem role="group" aria-labelledby="quiet-action-legend">
              <p id="quiet-action-legend" className="text-sm font-medium">
                A message due in quiet hours is
              </p>
              <RadioGroup
                aria-labelledby="quiet-action-legend"
                className="flex gap-4 py-2 text-sm"
                disabled={!enabled}
                value={field.value}
                onValueChange={field.onChange}
              >
                <div className="flex items-center gap-2">
                  <RadioGroupItem id="quiet-action-defer" value="defer" />
                  <Label htmlFor="quiet-action-defer" className="font-normal">
                    deferred until they end
                  </Label>
                </div>
                <div className="flex items-center gap-2">
                  <RadioGroupItem id="quiet-action-skip" value="skip" />
                  <Label htmlFor="quiet-action-skip" className="font-normal">
                    skipped
                  </Label>
                </div>
              </RadioGroup>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
      <FormField
        control={control}
        name="defaultTimezone"
        render={({ field }) => (
          <FormItem>
            <FormLabel>Default timezone</FormLabel>
            <FormControl>
              <NativeSelect className="h-9 w-72" {...field}>
                {timeZones.map((z) => (
                  <option key={z} value={z}>
                    {z}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormDescription>
              For profiles whose timezone is unknown; also the local time of “at a time in each profile&apos;s timezone”
              sends for them.
            </FormDescription>
            <FormMessage />
          </FormItem>
        )}
      />
    </div>
  );
}
