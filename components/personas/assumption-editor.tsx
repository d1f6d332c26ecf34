"use client";

import { Plus, X } from "lucide-react";
import { FieldError } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { describeAssumption, assumptionSchema, METRICS, SHARE_DIMENSIONS, type Assumption } from "@/lib/personas";
import { CHANNEL_INFO, CHANNELS } from "@/lib/profiles";

type Kind = Assumption["kind"];
const KIND_LABELS: Record<Kind, string> = {
  share: "Share of the audience",
  metric: "Computed trait statistic",
  active_hours: "Most active hours",
  channel_preference: "Channel preference",
  text: "Free text (not checkable)",
};
const DIMENSION_LABELS = {
  platform: "platform",
  country: "country",
  locale: "locale",
  favouriteCategory: "favourite category",
} as const;
const METRIC_LABELS = { ltv: "lifetime value", ordersCount: "orders count", aov: "average order value" } as const;

const newId = () => Math.random().toString(36).slice(2, 10);

function starter(kind: Kind, id: string): Assumption {
  switch (kind) {
    case "share":
      return { kind, id, dimension: "platform", value: "ios", op: "at_least", percent: 50 };
    case "metric":
      return { kind, id, metric: "ltv", stat: "median", op: "gt", value: 100 };
    case "active_hours":
      return { kind, id, from: 18, to: 22, minShare: 50 };
    case "channel_preference":
      return { kind, id, channel: "push", over: "email", rate: "click" };
    case "text":
      return { kind, id, text: "" };
  }
}

const num = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));
const shown = (value: number) => (Number.isNaN(value) ? "" : String(value));

/** Structured claims the app checks against the audience; each row reads back as the sentence it checks. */
export function AssumptionEditor({
  assumptions,
  onChange,
  errorFor,
  readOnly,
}: {
  assumptions: Assumption[];
  onChange: (next: Assumption[]) => void;
  errorFor: (path: string) => string | undefined;
  readOnly: boolean;
}) {
  const update = (i: number, patch: Partial<Assumption>) =>
    onChange(assumptions.map((a, j) => (j === i ? ({ ...a, ...patch } as Assumption) : a)));
  return (
    <div className="grid gap-3">
      {assumptions.length === 0 && (
        <p className="text-sm text-muted-foreground">
          No assumptions yet. Write what the story takes for granted — “≥ 60 % are on iOS”, “median LTV &gt; 200”,
          “prefers push over e-mail” — and the persona page checks each one against the real audience.
        </p>
      )}
      <ul className="grid gap-3">
        {assumptions.map((a, i) => {
          const label = `Assumption ${i + 1}`;
          const error = (field: string) => errorFor(`assumptions.${i}.${field}`);
          const valid = assumptionSchema.safeParse(a).success;
          return (
            <li key={a.id} className="grid gap-2 rounded-md border p-3" aria-label={label}>
              <div className="flex flex-wrap items-center gap-2">
                <NativeSelect
                  aria-label={`${label}: kind`}
                  value={a.kind}
                  disabled={readOnly}
                  onChange={(e) =>
                    onChange(assumptions.map((old, j) => (j === i ? starter(e.target.value as Kind, old.id) : old)))
                  }
                >
                  {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
                    <option key={k} value={k}>
                      {KIND_LABELS[k]}
                    </option>
                  ))}
                </NativeSelect>
                {a.kind === "share" && (
                  <>
                    <NativeSelect
                      aria-label={`${label}: at least or at most`}
                      value={a.op}
                      disabled={readOnly}
                      onChange={(e) => update(i, { op: e.target.value as "at_least" | "at_most" })}
                    >
                      <option value="at_least">at least</option>
                      <option value="at_most">at most</option>
                    </NativeSelect>
                    <Input
                      aria-label={`${label}: percent`}
                      type="number"
                      min={0}
                      max={100}
                      className="h-8 w-20"
                      value={shown(a.percent)}
                      readOnly={readOnly}
                      onChange={(e) => update(i, { percent: num(e.target.value) })}
                      aria-invalid={Boolean(error("percent")) || undefined}
                    />
                    <span className="text-sm">% have</span>
                    <NativeSelect
                      aria-label={`${label}: dimension`}
                      value={a.dimension}
                      disabled={readOnly}
                      onChange={(e) => update(i, { dimension: e.target.value as (typeof SHARE_DIMENSIONS)[number] })}
                    >
                      {SHARE_DIMENSIONS.map((d) => (
                        <option key={d} value={d}>
                          {DIMENSION_LABELS[d]}
                        </option>
                      ))}
                    </NativeSelect>
                    <Input
                      aria-label={`${label}: value`}
                      className="h-8 w-36"
                      value={a.value}
                      readOnly={readOnly}
                      placeholder="ios, DE, de-DE, shoes"
                      onChange={(e) => update(i, { value: e.target.value })}
                      aria-invalid={Boolean(error("value")) || undefined}
                    />
                  </>
                )}
                {a.kind === "metric" && (
                  <>
                    <NativeSelect
                      aria-label={`${label}: statistic`}
                      value={a.stat}
                      disabled={readOnly}
                      onChange={(e) => update(i, { stat: e.target.value as "median" | "mean" })}
                    >
                      <option value="median">median</option>
                      <option value="mean">mean</option>
                    </NativeSelect>
                    <NativeSelect
                      aria-label={`${label}: metric`}
                      value={a.metric}
                      disabled={readOnly}
                      onChange={(e) => update(i, { metric: e.target.value as (typeof METRICS)[number] })}
                    >
                      {METRICS.map((m) => (
                        <option key={m} value={m}>
                          {METRIC_LABELS[m]}
                        </option>
                      ))}
                    </NativeSelect>
                    <NativeSelect
                      aria-label={`${label}: comparison`}
                      value={a.op}
                      disabled={readOnly}
                      onChange={(e) => update(i, { op: e.target.value as "gt" | "lt" })}
                    >
                      <option value="gt">is more than</option>
                      <option value="lt">is less than</option>
                    </NativeSelect>
                    <Input
                      aria-label={`${label}: threshold`}
                      type="number"
                      className="h-8 w-28"
                      value={shown(a.value)}
                      readOnly={readOnly}
                      onChange={(e) => update(i, { value: num(e.target.value) })}
                      aria-invalid={Boolean(error("value")) || undefined}
                    />
                  </>
                )}
                {a.kind === "active_hours" && (
                  <>
                    <span className="text-sm">more than</span>
                    <Input
                      aria-label={`${label}: minimum share`}
                      type="number"
                      min={0}
                      max={100}
                      className="h-8 w-20"
                      value={shown(a.minShare)}
                      readOnly={readOnly}
                      onChange={(e) => update(i, { minShare: num(e.target.value) })}
                    />
                    <span className="text-sm">% are most active from</span>
                    <Input
                      aria-label={`${label}: from hour`}
                      type="number"
                      min={0}
                      max={23}
                      className="h-8 w-16"
                      value={shown(a.from)}
                      readOnly={readOnly}
                      onChange={(e) => update(i, { from: num(e.target.value) })}
                      aria-invalid={Boolean(error("from")) || undefined}
                    />
                    <span className="text-sm">to</span>
                    <Input
                      aria-label={`${label}: to hour`}
                      type="number"
                      min={1}
                      max={24}
                      className="h-8 w-16"
                      value={shown(a.to)}
                      readOnly={readOnly}
                      onChange={(e) => update(i, { to: num(e.target.value) })}
                      aria-invalid={Boolean(error("to")) || undefined}
                    />
                    <span className="text-sm">h</span>
                  </>
                )}
                {a.kind === "channel_preference" && (
                  <>
                    <span className="text-sm">prefers</span>
                    <NativeSelect
                      aria-label={`${label}: preferred channel`}
                      value={a.channel}
                      disabled={readOnly}
                      onChange={(e) => update(i, { channel: e.target.value as (typeof CHANNELS)[number] })}
                    >
                      {CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {CHANNEL_INFO[c].label}
                        </option>
                      ))}
                    </NativeSelect>
                    <span className="text-sm">over</span>
                    <NativeSelect
                      aria-label={`${label}: other channel`}
                      value={a.over}
                      disabled={readOnly}
                      onChange={(e) => update(i, { over: e.target.value as (typeof CHANNELS)[number] })}
                      aria-invalid={Boolean(error("over")) || undefined}
                    >
                      {CHANNELS.map((c) => (
                        <option key={c} value={c}>
                          {CHANNEL_INFO[c].label}
                        </option>
                      ))}
                    </NativeSelect>
                    <span className="text-sm">by</span>
                    <NativeSelect
                      aria-label={`${label}: rate`}
                      value={a.rate}
                      disabled={readOnly}
                      onChange={(e) => update(i, { rate: e.target.value as "open" | "click" })}
                    >
                      <option value="click">click rate</option>
                      <option value="open">open rate</option>
                    </NativeSelect>
                  </>
                )}
                {a.kind === "text" && (
                  <Input
                    aria-label={`${label}: text`}
                    className="h-8 min-w-64 flex-1"
                    value={a.text}
                    readOnly={readOnly}
                    placeholder="Left because of delivery costs"
                    onChange={(e) => update(i, { text: e.target.value })}
                    aria-invalid={Boolean(error("text")) || undefined}
                  />
                )}
                {!readOnly && (
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    className="ml-auto size-8"
                    aria-label={`Remove assumption ${i + 1}`}
                    onClick={() => onChange(assumptions.filter((_, j) => j !== i))}
                  >
                    <X className="size-4" aria-hidden />
                  </Button>
                )}
              </div>
              <p className="text-xs text-muted-foreground">
                {valid ? `Checks: ${describeAssumption(a)}` : "Complete the claim to check it."}
              </p>
              {["percent", "value", "from", "to", "over", "text"].map((f) => (
                <FieldError key={f} message={error(f)} />
              ))}
            </li>
          );
        })}
      </ul>
      {!readOnly && assumptions.length < 20 && (
        <Button
          type="button"
          variant="outline"
          size="sm"
          className="w-fit"
          onClick={() => onChange([...assumptions, starter("share", newId())])}
        >
          <Plus className="size-4" aria-hidden /> Add assumption
        </Button>
      )}
    </div>
  );
}
