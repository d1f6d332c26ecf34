"use client";

import { Plus, Trash2 } from "lucide-react";
import { FieldError } from "@/components/form-messages";
import type { FieldErrors } from "@/components/use-autosave";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { CAP_CHANNELS, type CapChannel, type FrequencyCap } from "@/lib/delivery";
import { CHANNEL_INFO } from "@/lib/profiles";

export const capChannelLabel = (c: CapChannel) => (c === "all" ? "All channels" : CHANNEL_INFO[c].label);

const numberOf = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));
const shown = (n: number) => (Number.isFinite(n) ? String(n) : "");

type Props = { caps: FrequencyCap[]; errors: FieldErrors; onChange: (caps: FrequencyCap[]) => void };

/** Frequency caps: at most `max` messages on a channel (or across all) per `days` days. */
export function PolicyCapsEditor({ caps, errors, onChange }: Props) {
  const set = (i: number, patch: Partial<FrequencyCap>) =>
    onChange(caps.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div className="space-y-3">
      {caps.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No caps: a profile can get any number of messages. Add one, e.g. at most 3 mobile pushes in 7 days.
        </p>
      ) : null}
      <ul className="space-y-3">
        {caps.map((cap, i) => {
          const rowErrors = (["max", "channel", "days"] as const).map((f) => errors[`caps.${i}.${f}`]).filter(Boolean);
          return (
            <li key={i} className="space-y-1 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span>At most</span>
                <Input
                  type="number"
                  min={1}
                  className="w-20"
                  aria-label={`Cap ${i + 1}: max messages`}
                  aria-invalid={!!errors[`caps.${i}.max`]}
                  value={shown(cap.max)}
                  onChange={(e) => set(i, { max: numberOf(e.target.value) })}
                />
                <NativeSelect
                  className="h-9 w-44"
                  aria-label={`Cap ${i + 1}: channel`}
                  aria-invalid={!!errors[`caps.${i}.channel`]}
                  value={cap.channel}
                  onChange={(e) => set(i, { channel: e.target.value as CapChannel })}
                >
                  {CAP_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {capChannelLabel(c)}
                    </option>
                  ))}
                </NativeSelect>
                <span>messages in</span>
                <Input
                  type="number"
                  min={1}
                  className="w-20"
                  aria-label={`Cap ${i + 1}: days`}
                  aria-invalid={!!errors[`caps.${i}.days`]}
                  value={shown(cap.days)}
                  onChange={(e) => set(i, { days: numberOf(e.target.value) })}
                />
                <span>{cap.days === 1 ? "day" : "days"}</span>
                <Button
                  type="button"
                  variant="ghost"
                  size="icon"
                  aria-label={`Remove cap ${i + 1}`}
                  onClick={() => onChange(caps.filter((_, j) => j !== i))}
                >
                  <Trash2 />
                </Button>
              </div>
              {rowErrors.map((message) => (
                <FieldError key={message} message={message} />
              ))}
            </li>
          );
        })}
      </ul>
      <Button
        type="button"
        variant="outline"
        size="sm"
        onClick={() => onChange([...caps, { channel: "all", max: 1, days: 1 }])}
      >
        <Plus /> Add cap
      </Button>
    </div>
  );
}
