"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { RangePreset } from "@/lib/analytics";

const PRESETS: { value: RangePreset; label: string }[] = [
  { value: "7d", label: "Last 7 days" },
  { value: "30d", label: "Last 30 days" },
  { value: "90d", label: "Last 90 days" },
  { value: "custom", label: "Custom range" },
];

/** Date range: a preset, or two days (UTC) applied together. */
export function RangePicker({
  range,
  from,
  to,
  onChange,
}: {
  range: RangePreset;
  from?: string;
  to?: string;
  onChange: (patch: { range: RangePreset; from?: string; to?: string }) => void;
}) {
  const [draft, setDraft] = useState({ from: from ?? "", to: to ?? "" });
  const [custom, setCustom] = useState(range === "custom");
  return (
    <div className="flex flex-wrap items-end gap-2">
      <label className="grid gap-1 text-xs font-medium">
        Date range
        <NativeSelect
          value={custom ? "custom" : range}
          onChange={(e) => {
            const value = e.target.value as RangePreset;
            if (value === "custom") setCustom(true);
            else {
              setCustom(false);
              onChange({ range: value, from: undefined, to: undefined });
            }
          }}
          className="w-40"
        >
          {PRESETS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </NativeSelect>
      </label>
      {custom && (
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.from && draft.to) onChange({ range: "custom", from: draft.from, to: draft.to });
          }}
        >
          <label className="grid gap-1 text-xs font-medium">
            From
            <Input
              type="date"
              className="h-8 w-36"
              value={draft.from}
              max={draft.to || undefined}
              onChange={(e) => setDraft({ ...draft, from: e.target.value })}
              required
            />
          </label>
          <label className="grid gap-1 text-xs font-medium">
            To
            <Input
              type="date"
              className="h-8 w-36"
              value={draft.to}
              min={draft.from || undefined}
              onChange={(e) => setDraft({ ...draft, to: e.target.value })}
              required
            />
          </label>
          <Button type="submit" size="sm" variant="outline">
            Apply
          </Button>
        </form>
      )}
    </div>
  );
}
