"use client";

import { ArrowDown, Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";

/** 2–6 ordered steps, each an event name; the first starts the conversion window. */
export function FunnelBuilder({
  steps,
  events,
  onChange,
}: {
  steps: string[];
  events: string[];
  onChange: (steps: string[]) => void;
}) {
  const choices = (current: string) => [...new Set([current, ...events])].filter(Boolean);
  return (
    <ol className="space-y-1.5" aria-label="Funnel steps">
      {steps.map((step, i) => (
        <li key={i} className="space-y-1.5">
          <div className="flex items-center gap-2">
            <span
              className="inline-flex size-6 items-center justify-center rounded-full bg-muted text-xs font-medium"
              aria-hidden
            >
              {i + 1}
            </span>
            <NativeSelect
              aria-label={`Step ${i + 1}`}
              value={step}
              onChange={(e) => onChange(steps.map((s, j) => (j === i ? e.target.value : s)))}
              className="w-56"
            >
              {choices(step).map((e) => (
                <option key={e}>{e}</option>
              ))}
            </NativeSelect>
            {steps.length > 2 && (
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={`Remove step ${i + 1}`}
                onClick={() => onChange(steps.filter((_, j) => j !== i))}
              >
                <X className="size-4" aria-hidden />
              </Button>
            )}
          </div>
          {i < steps.length - 1 && <ArrowDown className="ml-1.5 size-3 text-muted-foreground" aria-hidden />}
        </li>
      ))}
      {steps.length < 6 && (
        <li>
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => onChange([...steps, events.find((e) => !steps.includes(e)) ?? events[0] ?? "purchase"])}
          >
            <Plus className="size-3.5" aria-hidden /> Add step
          </Button>
        </li>
      )}
    </ol>
  );
}
