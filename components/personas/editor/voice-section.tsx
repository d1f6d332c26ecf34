"use client";

import { useFormContext } from "react-hook-form";
import { FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { PRIORITIES, TONES, type PersonaFields } from "@/lib/personas";
import { CHANNEL_INFO, CHANNELS, type Channel } from "@/lib/profiles";
import { PRIORITY_LABELS, TONE_LABELS } from "../persona-labels";
import { RankedPicker } from "../ranked-picker";
import { Section } from "./section";

const CHANNEL_LABELS = Object.fromEntries(CHANNELS.map((c) => [c, CHANNEL_INFO[c].label])) as Record<Channel, string>;

/** What they care about (ranked priorities and channels) and the tone of voice. */
export function VoiceSection() {
  const { control } = useFormContext<PersonaFields>();
  return (
    <Section title="What they care about and how to talk to them">
      <FormField
        control={control}
        name="priorities"
        render={({ field }) => (
          <RankedPicker
            legend="Priorities"
            hint="Tick what matters to them and rank it: first matters most."
            options={PRIORITIES}
            labels={PRIORITY_LABELS}
            value={field.value}
            onChange={field.onChange}
            readOnly={false}
          />
        )}
      />
      <FormField
        control={control}
        name="channels"
        render={({ field }) => (
          <RankedPicker
            legend="Preferred channels"
            hint="Where they like to hear from us, favourite first."
            options={CHANNELS}
            labels={CHANNEL_LABELS}
            value={field.value}
            onChange={field.onChange}
            readOnly={false}
          />
        )}
      />
      <div className="grid gap-1.5 sm:grid-cols-[12rem_1fr] sm:items-start sm:gap-3">
        <FormField
          control={control}
          name="tone.voice"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Tone of voice</FormLabel>
              <FormControl>
                <NativeSelect
                  value={field.value ?? ""}
                  onBlur={field.onBlur}
                  onChange={(e) => field.onChange(e.target.value || null)}
                >
                  <option value="">— not set —</option>
                  {TONES.map((t) => (
                    <option key={t} value={t}>
                      {TONE_LABELS[t]}
                    </option>
                  ))}
                </NativeSelect>
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormField
          control={control}
          name="tone.example"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Example sentence</FormLabel>
              <FormControl>
                <Input placeholder="Made from recycled cotton, built to last." {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
      </div>
    </Section>
  );
}
