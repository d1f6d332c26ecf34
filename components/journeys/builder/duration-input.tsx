"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";

const UNITS = { minutes: 1, hours: 60, days: 1440 } as const;
type Unit = keyof typeof UNITS;
const unitOf = (minutes: number): Unit =>
  minutes > 0 && minutes % 1440 === 0 ? "days" : minutes > 0 && minutes % 60 === 0 ? "hours" : "minutes";

/** A length of time stored in whole minutes (as the schema has it), typed as minutes, hours or days. */
export function DurationInput({
  id,
  minutes,
  onChange,
  label,
  ...aria
}: {
  id?: string;
  minutes: number;
  onChange: (minutes: number) => void;
  label: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
}) {
  // The unit is the marketer's choice while typing: "90" in minutes must not turn into 1.5 hours.
  const [unit, setUnit] = useState<Unit>(() => unitOf(minutes));
  const amount = Number.isFinite(minutes) ? Math.round((minutes / UNITS[unit]) * 100) / 100 : "";
  return (
    <div className="flex gap-2">
      <Input
        id={id}
        type="number"
        min={1}
        className="w-24"
        value={amount}
        onChange={(e) => onChange(Math.round(Number(e.target.value) * UNITS[unit]))}
        {...aria}
      />
      <NativeSelect
        aria-label={`${label}: unit`}
        value={unit}
        onChange={(e) => {
          const next = e.target.value as Unit;
          setUnit(next);
          onChange(Math.round((minutes / UNITS[unit]) * UNITS[next]));
        }}
      >
        {Object.keys(UNITS).map((u) => (
          <option key={u} value={u}>
            {u}
          </option>
        ))}
      </NativeSelect>
    </div>
  );
}
