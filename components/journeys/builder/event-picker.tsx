"use client";

import { Combobox } from "@/components/segments/combobox";
import { PropertyFilters } from "@/components/segments/property-filters";
import { useEventNames } from "@/components/segments/use-catalog";
import type { JourneyEvent } from "@/lib/journeys";
import { FieldMessage } from "./step-field";

/** An event and its property filters, as the segment builder offers them: an entry, a wait, a goal, an exit criterion. */
export function EventPicker({
  name,
  label,
  value,
  onChange,
  readOnly,
}: {
  /** The form path of the event's fields (`nodes.0.trigger`), where their messages belong. */
  name: string;
  label: string;
  value: JourneyEvent;
  onChange: (value: JourneyEvent) => void;
  readOnly: boolean;
}) {
  const names = useEventNames();
  return (
    <div className="grid gap-1.5">
      <span className="text-sm font-medium">{label}</span>
      <div className="flex flex-wrap items-center gap-2">
        <Combobox
          label={label}
          value={value.event}
          onChange={(event) => onChange({ ...value, event })}
          options={(names.data ?? []).filter((n) => !n.startsWith("$")).map((n) => ({ value: n }))}
          placeholder="add_to_cart"
          disabled={readOnly}
          className="w-56"
        />
        <PropertyFilters
          event={value.event}
          where={value.where}
          readOnly={readOnly}
          onChange={(where) => onChange({ ...value, where })}
        />
      </div>
      <FieldMessage name={`${name}.event`} />
      <FieldMessage name={`${name}.where`} />
    </div>
  );
}
