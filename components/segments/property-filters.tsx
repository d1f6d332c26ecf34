"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { defaultComparison, type PropertyFilter, type ValueType } from "@/lib/segments";
import { Combobox } from "./combobox";
import { ComparisonEditor } from "./comparison-editor";
import { useEventProperties } from "./use-catalog";

export const VALUE_TYPES: ValueType[] = ["string", "number", "boolean", "date"];
export const asValueType = (type: string): ValueType =>
  VALUE_TYPES.includes(type as ValueType) ? (type as ValueType) : "string";

/**
 * An event's property filters ("where revenue is at least 50"), with the event's learned properties
 * as choices: in an event condition of a segment, and wherever a journey names an event.
 */
export function PropertyFilters({
  event,
  where,
  readOnly,
  onChange,
}: {
  event: string;
  where: PropertyFilter[];
  readOnly: boolean;
  onChange: (where: PropertyFilter[]) => void;
}) {
  const properties = useEventProperties(event);
  return (
    <>
      <div className="flex basis-full flex-col gap-1.5 empty:hidden">
        {where.map((filter, i) => {
          const known = properties.data?.find((p) => p.key === filter.key);
          const setFilter = (next: PropertyFilter | null) =>
            onChange(next ? where.map((f, j) => (j === i ? next : f)) : where.filter((_, j) => j !== i));
          return (
            <div key={i} className="flex flex-wrap items-center gap-2 pl-6">
              <span className="text-sm text-muted-foreground">where</span>
              <Combobox
                label={`Property of ${event}`}
                value={filter.key}
                onChange={(key) => {
                  const type = asValueType(properties.data?.find((p) => p.key === key)?.type ?? filter.comparison.type);
                  setFilter({
                    key,
                    comparison: type === filter.comparison.type ? filter.comparison : defaultComparison(type),
                  });
                }}
                options={(properties.data ?? []).map((p) => ({
                  value: p.key,
                  hint: `${p.type}${p.examples.length ? ` · e.g. ${String(p.examples[0])}` : ""}`,
                }))}
                placeholder="revenue"
                disabled={readOnly}
                className="w-36"
              />
              <ComparisonEditor
                subject={`property ${filter.key || i + 1}`}
                comparison={filter.comparison}
                examples={known?.examples}
                disabled={readOnly}
                onChange={(comparison) => setFilter({ ...filter, comparison })}
              />
              {!readOnly && (
                <Button
                  variant="ghost"
                  size="icon"
                  className="size-7"
                  aria-label={`Remove property filter ${filter.key}`}
                  onClick={() => setFilter(null)}
                >
                  <X className="size-4" aria-hidden />
                </Button>
              )}
            </div>
          );
        })}
      </div>
      {!readOnly && where.length < 10 && (
        <Button
          variant="ghost"
          size="sm"
          className="h-7 px-2 text-xs"
          onClick={() => onChange([...where, { key: "", comparison: defaultComparison("string") }])}
        >
          <Plus className="size-3" aria-hidden /> property filter
        </Button>
      )}
    </>
  );
}
