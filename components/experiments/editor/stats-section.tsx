"use client";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { DraftField, useDraft } from "./fields";

const numberOrUndefined = (value: string) => (value === "" ? undefined : Number(value));

/** How the readout decides: method, α, correction and the planned sample. */
export function StatsSection() {
  const { draft } = useDraft();
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Statistics</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="flex flex-wrap items-start gap-4">
        <DraftField
          name="stats.method"
          label="Method"
          className="max-w-xs"
          hint={
            draft.stats?.method === "sequential"
              ? "Safe to look at any time: wider intervals early."
              : "Look once, at the planned sample."
          }
        >
          {(field) => (
            <NativeSelect
              value={(field.value as string | undefined) ?? "frequentist"}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(e.target.value)}
            >
              <option value="frequentist">Fixed horizon</option>
              <option value="sequential">Sequential</option>
            </NativeSelect>
          )}
        </DraftField>
        <DraftField name="stats.alpha" label="Significance level α" className="max-w-xs">
          {(field) => (
            <Input
              type="number"
              step="any"
              min={0.001}
              max={0.2}
              className="w-24"
              value={(field.value as number | undefined) ?? ""}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(numberOrUndefined(e.target.value))}
            />
          )}
        </DraftField>
        <DraftField name="stats.correction" label="Multiple comparisons">
          {(field) => (
            <NativeSelect
              value={(field.value as string | undefined) ?? "holm"}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(e.target.value)}
            >
              <option value="holm">Holm</option>
              <option value="bh">Benjamini–Hochberg</option>
            </NativeSelect>
          )}
        </DraftField>
        <DraftField
          name="plannedSampleSize"
          label="Planned sample (per arm)"
          hint="From the calculator, or your own."
          className="max-w-xs"
        >
          {(field) => (
            <Input
              type="number"
              min={1}
              className="w-32"
              value={(field.value as number | null | undefined) ?? ""}
              onBlur={field.onBlur}
              onChange={(e) => field.onChange(e.target.value === "" ? null : Number(e.target.value))}
            />
          )}
        </DraftField>
      </CardContent>
    </Card>
  );
}
