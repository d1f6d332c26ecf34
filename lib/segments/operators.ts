import type { Comparison, ValueType } from "./schema";
import { dayStartIso, todayUtc } from "./utc-day";

export type OperatorShape = "value" | "values" | "range" | "none" | "relative";
export type Operator = { op: Comparison["op"]; label: string; shape: OperatorShape };

/** The operators each value type offers, in the order the builder lists them. */
export const OPERATORS: Record<ValueType, Operator[]> = {
  string: [
    { op: "equals", label: "is", shape: "value" },
    { op: "not_equals", label: "is not", shape: "value" },
    { op: "contains", label: "contains", shape: "value" },
    { op: "starts_with", label: "starts with", shape: "value" },
    { op: "ends_with", label: "ends with", shape: "value" },
    { op: "in", label: "is one of", shape: "values" },
    { op: "not_in", label: "is none of", shape: "values" },
    { op: "exists", label: "is known", shape: "none" },
    { op: "not_exists", label: "is unknown", shape: "none" },
  ],
  number: [
    { op: "eq", label: "=", shape: "value" },
    { op: "neq", label: "≠", shape: "value" },
    { op: "gt", label: ">", shape: "value" },
    { op: "gte", label: "≥", shape: "value" },
    { op: "lt", label: "<", shape: "value" },
    { op: "lte", label: "≤", shape: "value" },
    { op: "between", label: "between", shape: "range" },
    { op: "exists", label: "is known", shape: "none" },
    { op: "not_exists", label: "is unknown", shape: "none" },
  ],
  boolean: [
    { op: "is", label: "is", shape: "value" },
    { op: "exists", label: "is known", shape: "none" },
    { op: "not_exists", label: "is unknown", shape: "none" },
  ],
  date: [
    { op: "within_last", label: "within the last", shape: "relative" },
    { op: "more_than_ago", label: "more than … ago", shape: "relative" },
    { op: "before", label: "before", shape: "value" },
    { op: "after", label: "after", shape: "value" },
    { op: "between", label: "between", shape: "range" },
    { op: "exists", label: "is known", shape: "none" },
    { op: "not_exists", label: "is unknown", shape: "none" },
  ],
};

export const operatorOf = (c: Comparison) => OPERATORS[c.type].find((o) => o.op === c.op)!;

const startOfTodayUtc = () => dayStartIso(todayUtc());

/**
 * The comparison after picking `type` and `op`, keeping what the user typed where it still fits
 * (a value survives equals → contains; a list keeps its first value as the value).
 */
export function withOperator(previous: Comparison | null, type: ValueType, op: Comparison["op"]): Comparison {
  const old = previous?.type === type ? (previous as Record<string, unknown>) : {};
  const oldValues = Array.isArray(old.values) ? (old.values as unknown[]) : undefined;
  // A list comparison's values are strings (schema.ts), a single one a string or a number.
  const firstValue =
    typeof old.value === "string" || typeof old.value === "number" ? old.value : (oldValues?.[0] as string | undefined);
  const shape = OPERATORS[type].find((o) => o.op === op)?.shape ?? "none";
  const base = { type, op } as Record<string, unknown>;
  if (shape === "none") return base as Comparison;
  switch (type) {
    case "string":
      if (shape === "values")
        return { ...base, values: oldValues ?? (firstValue !== undefined ? [String(firstValue)] : []) } as Comparison;
      return { ...base, value: firstValue !== undefined ? String(firstValue) : "" } as Comparison;
    case "number":
      if (shape === "range")
        return {
          ...base,
          min: typeof old.min === "number" ? old.min : Number(firstValue ?? 0),
          max: typeof old.max === "number" ? old.max : Number(firstValue ?? 100),
        } as Comparison;
      return { ...base, value: typeof firstValue === "number" ? firstValue : 0 } as Comparison;
    case "boolean":
      return { ...base, value: typeof old.value === "boolean" ? old.value : true } as Comparison;
    case "date":
      if (shape === "relative")
        return {
          ...base,
          amount: typeof old.amount === "number" ? old.amount : 30,
          unit: old.unit === "hours" ? "hours" : "days",
        } as Comparison;
      if (shape === "range")
        return {
          ...base,
          from: typeof old.from === "string" ? old.from : startOfTodayUtc(),
          to: typeof old.to === "string" ? old.to : startOfTodayUtc(),
        } as Comparison;
      return { ...base, value: typeof old.value === "string" ? old.value : startOfTodayUtc() } as Comparison;
  }
}

/** The first operator of a type with a fresh value: what switching a field's type starts with. */
export const defaultComparison = (type: ValueType): Comparison => withOperator(null, type, OPERATORS[type][0]!.op);
