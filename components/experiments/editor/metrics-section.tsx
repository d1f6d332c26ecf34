"use client";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { Metric } from "@/lib/experiments";
import { DraftField, useDraft } from "./fields";

const SECONDARY: Metric[] = [
  { kind: "conversion", event: "purchase", windowHours: 72 },
  { kind: "ctr" },
  { kind: "revenue_per_recipient", event: "purchase", windowHours: 72 },
];
const SECONDARY_LABELS: Record<Metric["kind"], string> = {
  ctr: "Click-through rate",
  conversion: "Conversion (purchase within 72 h)",
  revenue_per_recipient: "Revenue per recipient (72 h)",
};
const GUARDRAILS = [
  { kind: "unsubscribe_rate", label: "Unsubscribe rate" },
  { kind: "failed_rate", label: "Failed / complaint rate" },
] as const;

/** The primary metric, the secondary ones and the guardrails. */
export function MetricsSection() {
  const { draft, set } = useDraft();
  const metric = draft.primaryMetric;
  const secondary = draft.secondaryMetrics ?? [];
  const guardrails = draft.guardrails ?? [];
  const setPrimary = (m: Metric) =>
    set({ primaryMetric: m, secondaryMetrics: secondary.filter((s) => s.kind !== m.kind) });
  const setKind = (kind: Metric["kind"]) =>
    setPrimary(
      kind === "ctr"
        ? { kind }
        : {
            kind,
            event: "event" in metric ? metric.event : "purchase",
            windowHours: "windowHours" in metric ? metric.windowHours : 72,
          },
    );
  const toggleSecondary = (m: Metric, on: boolean) =>
    set({
      secondaryMetrics: on
        ? [...secondary.filter((x) => x.kind !== m.kind), m]
        : secondary.filter((x) => x.kind !== m.kind),
    });
  const toggleGuardrail = (kind: (typeof GUARDRAILS)[number]["kind"], on: boolean) =>
    set({
      guardrails: on
        ? [...guardrails.filter((g) => g.kind !== kind), { kind, threshold: null }]
        : guardrails.filter((g) => g.kind !== kind),
    });

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Metrics and guardrails</h2>
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4">
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Primary metric</legend>
          <div className="flex flex-wrap items-start gap-3">
            <DraftField name="primaryMetric.kind" label="Metric">
              {(field) => (
                <NativeSelect
                  value={field.value as string}
                  onBlur={field.onBlur}
                  onChange={(e) => setKind(e.target.value as Metric["kind"])}
                >
                  <option value="conversion">Conversion (goal event after exposure)</option>
                  <option value="ctr">Click-through rate</option>
                  <option value="revenue_per_recipient">Revenue per recipient</option>
                </NativeSelect>
              )}
            </DraftField>
            {metric.kind !== "ctr" && (
              <>
                <DraftField name="primaryMetric.event" label="Goal event">
                  {(field) => (
                    <Input
                      className="w-40"
                      value={(field.value as string) ?? ""}
                      onBlur={field.onBlur}
                      onChange={(e) => field.onChange(e.target.value)}
                    />
                  )}
                </DraftField>
                <DraftField name="primaryMetric.windowHours" label="Attribution window (hours)">
                  {(field) => (
                    <Input
                      type="number"
                      min={1}
                      max={720}
                      className="w-28"
                      value={(field.value as number | undefined) ?? ""}
                      onBlur={field.onBlur}
                      onChange={(e) => field.onChange(e.target.value === "" ? undefined : Number(e.target.value))}
                    />
                  )}
                </DraftField>
              </>
            )}
          </div>
        </fieldset>
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Secondary metrics (corrected together with the primary)</legend>
          {SECONDARY.filter((m) => m.kind !== metric.kind).map((m) => (
            <div key={m.kind} className="flex items-center gap-2">
              <Checkbox
                id={`secondary-${m.kind}`}
                checked={secondary.some((x) => x.kind === m.kind)}
                onCheckedChange={(on) => toggleSecondary(m, on === true)}
              />
              <Label htmlFor={`secondary-${m.kind}`} className="font-normal">
                {SECONDARY_LABELS[m.kind]}
              </Label>
            </div>
          ))}
        </fieldset>
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Guardrails (stop when significantly worse than control)</legend>
          {GUARDRAILS.map(({ kind, label }) => (
            <div key={kind} className="flex items-center gap-2">
              <Checkbox
                id={`guardrail-${kind}`}
                checked={guardrails.some((g) => g.kind === kind)}
                onCheckedChange={(on) => toggleGuardrail(kind, on === true)}
              />
              <Label htmlFor={`guardrail-${kind}`} className="font-normal">
                {label}
              </Label>
            </div>
          ))}
        </fieldset>
      </CardContent>
    </Card>
  );
}
