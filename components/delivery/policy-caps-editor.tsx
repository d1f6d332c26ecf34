"use client";

import { Plus, Trash2 } from "lucide-react";
import { useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormControl, FormField, FormItem, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { CAP_CHANNELS, type CapChannel, type WorkspacePolicy } from "@/lib/delivery";
import { CHANNEL_INFO } from "@/lib/profiles";

export const capChannelLabel = (c: CapChannel) => (c === "all" ? "All channels" : CHANNEL_INFO[c].label);

const numberOf = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));
const shown = (n: number) => (Number.isFinite(n) ? String(n) : "");

/** Frequency caps: at most `max` messages on a channel (or across all) per `days` days. */
export function PolicyCapsEditor() {
  const { control } = useFormContext<WorkspacePolicy>();
  const { fields, append, remove } = useFieldArray({ control, name: "caps" });
  const caps = useWatch({ control, name: "caps" });
  return (
    <div className="space-y-3">
      {fields.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No caps: a profile can get any number of messages. Add one, e.g. at most 3 mobile pushes in 7 days.
        </p>
      ) : null}
      <ul className="space-y-3">
        {fields.map((row, i) => (
          <li key={row.id} className="flex flex-wrap items-start gap-2 text-sm">
            <span className="py-2">At most</span>
            <FormField
              control={control}
              name={`caps.${i}.max`}
              render={({ field }) => (
                <FormItem>
                  <FormControl>
                    <Input
                      type="number"
                      min={1}
                      className="w-20"
                      aria-label={`Cap ${i + 1}: max messages`}
                      value={shown(field.value)}
                      onBlur={field.onBlur}
                      onChange={(e) => field.onChange(numberOf(e.target.value))}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <FormField
              control={control}
              name={`caps.${i}.channel`}
              render={({ field }) => (
                <FormItem>
                  <FormControl>
                    <NativeSelect
                      className="h-9 w-44"
                      aria-label={`Cap ${i + 1}: channel`}
                      value={field.value}
                      onBlur={field.onBlur}
                      onChange={(e) => field.onChange(e.target.value)}
                    >
                      {CAP_CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {capChannelLabel(c)}
                        </option>
                      ))}
                    </NativeSelect>
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <span className="py-2">messages in</span>
            <FormField
              control={control}
              name={`caps.${i}.days`}
              render={({ field }) => (
                <FormItem>
                  <FormControl>
                    <Input
                      type="number"
                      min={1}
                      className="w-20"
                      aria-label={`Cap ${i + 1}: days`}
                      value={shown(field.value)}
                      onBlur={field.onBlur}
                      onChange={(e) => field.onChange(numberOf(e.target.value))}
                    />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <span className="py-2">{caps[i]?.days === 1 ? "day" : "days"}</span>
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={`Remove cap ${i + 1}`}
              onClick={() => remove(i)}
            >
              <Trash2 />
            </Button>
          </li>
        ))}
      </ul>
      <Button type="button" variant="outline" size="sm" onClick={() => append({ channel: "all", max: 1, days: 1 })}>
        <Plus /> Add cap
      </Button>
    </div>
  );
}
