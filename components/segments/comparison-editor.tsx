"use client";

import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { OPERATORS, operatorOf, withOperator, dayEndIso, dayStartIso } from "@/lib/segments";
import type { Comparison } from "@/lib/segments";
import { displayValue } from "@/lib/display-value";

const isoToLocalDate = (iso: string) => iso.slice(0, 10);

/** Operator and value inputs for one typed comparison (traits and event properties alike). */
export function ComparisonEditor({
  comparison,
  onChange,
  subject,
  examples = [],
  disabled,
}: {
  comparison: Comparison;
  onChange: (next: Comparison) => void;
  subject: string; // what is compared, for labels: "country", "property revenue"
  examples?: unknown[];
  disabled?: boolean;
}) {
  const operator = operatorOf(comparison);
  const c = comparison as Record<string, unknown> & Comparison;
  const set = (patch: Record<string, unknown>) => onChange({ ...comparison, ...patch });
  const listId = `examples-${subject.replace(/\W/g, "-")}`;
  const num = (value: string) => (value === "" || Number.isNaN(Number(value)) ? 0 : Number(value));

  return (
    <>
      <NativeSelect
        aria-label={`Operator for ${subject}`}
        value={comparison.op}
        disabled={disabled}
        onChange={(e) => onChange(withOperator(comparison, comparison.type, e.target.value as Comparison["op"]))}
      >
        {OPERATORS[comparison.type].map((o) => (
          <option key={o.op} value={o.op}>
            {o.label}
          </option>
        ))}
      </NativeSelect>
      {examples.length > 0 && (
        <datalist id={listId}>
          {examples.map((e) => (
            <option key={String(e)} value={String(e)} />
          ))}
        </datalist>
      )}
      {operator.shape === "value" && comparison.type === "string" && (
        <Input
          className="h-8 w-40"
          aria-label={`Value for ${subject}`}
          list={listId}
          value={displayValue(c.value)}
          disabled={disabled}
          onChange={(e) => set({ value: e.target.value })}
        />
      )}
      {operator.shape === "value" && comparison.type === "number" && (
        <Input
          className="h-8 w-28"
          type="number"
          aria-label={`Value for ${subject}`}
          value={displayValue(c.value, "0")}
          disabled={disabled}
          onChange={(e) => set({ value: num(e.target.value) })}
        />
      )}
      {operator.shape === "value" && comparison.type === "boolean" && (
        <NativeSelect
          aria-label={`Value for ${subject}`}
          value={String(c.value)}
          disabled={disabled}
          onChange={(e) => set({ value: e.target.value === "true" })}
        >
          <option value="true">true</option>
          <option value="false">false</option>
        </NativeSelect>
      )}
      {operator.shape === "value" && comparison.type === "date" && (
        <Input
          className="h-8 w-40"
          type="date"
          aria-label={`Date for ${subject}`}
          value={isoToLocalDate(displayValue(c.value))}
          disabled={disabled}
          onChange={(e) => set({ value: dayStartIso(e.target.value) })}
        />
      )}
      {operator.shape === "values" && (
        <Input
          className="h-8 w-56"
          aria-label={`Values for ${subject} (comma-separated)`}
          placeholder="a, b, c"
          list={listId}
          defaultValue={((c.values as string[] | undefined) ?? []).join(", ")}
          disabled={disabled}
          onChange={(e) =>
            set({
              values: e.target.value
                .split(",")
                .map((v) => v.trim())
                .filter(Boolean),
            })
          }
        />
      )}
      {operator.shape === "range" && comparison.type === "number" && (
        <>
          <Input
            className="h-8 w-24"
            type="number"
            aria-label={`Lowest ${subject}`}
            value={displayValue(c.min, "0")}
            disabled={disabled}
            onChange={(e) => set({ min: num(e.target.value) })}
          />
          <span className="text-sm text-muted-foreground">and</span>
          <Input
            className="h-8 w-24"
            type="number"
            aria-label={`Highest ${subject}`}
            value={displayValue(c.max, "0")}
            disabled={disabled}
            onChange={(e) => set({ max: num(e.target.value) })}
          />
        </>
      )}
      {operator.shape === "range" && comparison.type === "date" && (
        <>
          <Input
            className="h-8 w-40"
            type="date"
            aria-label={`Earliest ${subject}`}
            value={isoToLocalDate(displayValue(c.from))}
            disabled={disabled}
            onChange={(e) => set({ from: dayStartIso(e.target.value) })}
          />
          <span className="text-sm text-muted-foreground">and</span>
          <Input
            className="h-8 w-40"
            type="date"
            aria-label={`Latest ${subject}`}
            value={isoToLocalDate(displayValue(c.to))}
            disabled={disabled}
            onChange={(e) => set({ to: dayEndIso(e.target.value) })}
          />
        </>
      )}
      {operator.shape === "relative" && (
        <>
          <Input
            className="h-8 w-20"
            type="number"
            min={1}
            aria-label={`How many for ${subject}`}
            value={displayValue(c.amount, "1")}
            disabled={disabled}
            onChange={(e) => set({ amount: Math.trunc(num(e.target.value)) })}
          />
          <NativeSelect
            aria-label={`Unit for ${subject}`}
            value={String(c.unit)}
            disabled={disabled}
            onChange={(e) => set({ unit: e.target.value })}
          >
            <option value="days">days</option>
            <option value="hours">hours</option>
          </NativeSelect>
        </>
      )}
    </>
  );
}
