"use client";

import { useFormContext } from "react-hook-form";
import { Checkbox } from "@/components/ui/checkbox";
import { FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { CampaignFormOptions, CampaignFormValues } from "./types";

/** Transactional or not, the preference-page topic, and how conversions are attributed. */
export function PolicySection({ options }: { options: CampaignFormOptions }) {
  const form = useFormContext<CampaignFormValues>();
  return (
    <details className="rounded-md border p-3 text-sm">
      <summary className="cursor-pointer font-medium">Policy and conversion</summary>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <FormField
          control={form.control}
          name="transactional"
          render={({ field }) => (
            <FormItem className="flex items-start gap-2 sm:col-span-2">
              <FormControl>
                <Checkbox
                  className="mt-0.5"
                  checked={field.value ?? false}
                  onCheckedChange={(checked) => field.onChange(checked === true)}
                  onBlur={field.onBlur}
                />
              </FormControl>
              <div className="grid gap-1">
                <FormLabel className="font-normal">Transactional</FormLabel>
                <FormDescription>
                  Receipts and alerts: bypasses frequency caps and quiet hours, never consent.
                </FormDescription>
              </div>
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="topic"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Topic (preference page)</FormLabel>
              <FormControl>
                <NativeSelect
                  value={field.value ?? ""}
                  onChange={(e) => field.onChange(e.target.value || null)}
                  onBlur={field.onBlur}
                >
                  <option value="">No topic</option>
                  {options.topics.map((t) => (
                    <option key={t.key} value={t.key}>
                      {t.label}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="goalEvent"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Goal event</FormLabel>
              <FormControl>
                <Input {...field} value={field.value ?? ""} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={form.control}
          name="attributionHours"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Attribution window (hours)</FormLabel>
              <FormControl>
                <Input
                  inputMode="numeric"
                  name={field.name}
                  ref={field.ref}
                  value={field.value ?? ""}
                  onBlur={field.onBlur}
                  onChange={(e) => field.onChange(Number(e.target.value) || 0)}
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
    </details>
  );
}
