"use client";

import { useMutation } from "@tanstack/react-query";
import { AlertTriangle, Loader2, Plus, Rocket, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import {
  experimentInputSchema,
  holdoutWarning,
  MAX_VARIANTS,
  MIN_VARIANTS,
  variantKey,
  type ExperimentDraft,
  type Metric,
} from "@/lib/experiments";
import { channelLabel, TEMPLATE_CHANNELS } from "@/lib/templates";
import { CalculatorPanel } from "./calculator-panel";
import { LaunchExperimentDialog } from "./launch-dialog";

export type TemplateOption = {
  id: string;
  name: string;
  channel: string;
  versions: { id: string; version: number; status: string }[];
};
export type EditorOptions = {
  templates: TemplateOption[];
  segments: { id: string; name: string }[];
  personas: { id: string; name: string; bound: boolean }[];
};

type VariantDraft = ExperimentDraft["variants"][number];

const SAME_AS_CONTROL = "__same__";
const round = (x: number) => Math.round(x * 1000) / 1000;

export const emptyDraft = (): ExperimentDraft => ({
  name: "",
  hypothesis: "",
  channel: "email",
  audience: { kind: "all" },
  schedule: { kind: "now" },
  variants: [
    { name: "Control", weight: 0.5, versionId: null, sendOption: null },
    { name: "Variant B", weight: 0.5, versionId: null, sendOption: null },
  ],
  holdoutShare: 0.1,
  primaryMetric: { kind: "conversion", event: "purchase", windowHours: 72 },
  secondaryMetrics: [],
  guardrails: [{ kind: "unsubscribe_rate", threshold: null }],
  stats: { method: "frequentist", alpha: 0.05, correction: "holm", sequentialTuning: 5000 },
  plannedSampleSize: null,
});

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && <p className="text-xs text-muted-foreground">{hint}</p>}
    </div>
  );
}

/** Percent input over a fraction: shows 50 for 0.5, stores what is typed divided by 100. */
function PercentInput({
  id,
  value,
  onChange,
  label,
  min = 0,
  max = 100,
}: {
  id: string;
  value: number;
  onChange: (x: number) => void;
  label?: string;
  min?: number;
  max?: number;
}) {
  return (
    <div className="flex items-center gap-1">
      <Input
        id={id}
        type="number"
        inputMode="decimal"
        step="0.1"
        min={min}
        max={max}
        className="w-24"
        aria-label={label}
        value={Number.isFinite(value) ? round(value * 100) : ""}
        onChange={(e) => onChange(Number(e.target.value) / 100)}
      />
      <span className="text-sm text-muted-foreground" aria-hidden>
        %
      </span>
    </div>
  );
}

function MetricFields({ id, metric, onChange }: { id: string; metric: Metric; onChange: (m: Metric) => void }) {
  const setKind = (kind: Metric["kind"]) =>
    onChange(
      kind === "ctr"
        ? { kind }
        : {
            kind,
            event: "event" in metric ? metric.event : "purchase",
            windowHours: "windowHours" in metric ? metric.windowHours : 72,
          },
    );
  return (
    <div className="flex flex-wrap items-end gap-3">
      <Field id={`${id}-kind`} label="Metric">
        <NativeSelect id={`${id}-kind`} value={metric.kind} onChange={(e) => setKind(e.target.value as Metric["kind"])}>
          <option value="conversion">Conversion (goal event after exposure)</option>
          <option value="ctr">Click-through rate</option>
          <option value="revenue_per_recipient">Revenue per recipient</option>
        </NativeSelect>
      </Field>
      {metric.kind !== "ctr" && (
        <>
          <Field id={`${id}-event`} label="Goal event">
            <Input
              id={`${id}-event`}
              className="w-40"
              value={metric.event}
              onChange={(e) => onChange({ ...metric, event: e.target.value })}
            />
          </Field>
          <Field id={`${id}-window`} label="Attribution window (hours)">
            <Input
              id={`${id}-window`}
              type="number"
              min={1}
              max={720}
              className="w-28"
              value={metric.windowHours}
              onChange={(e) => onChange({ ...metric, windowHours: Number(e.target.value) })}
            />
          </Field>
        </>
      )}
    </div>
  );
}

/**
 * The experiment editor (marketers): hypothesis, audience, 2–8 variants with weights, holdout,
 * metrics, guardrails, statistics settings and the planned sample — with the calculator beside it.
 * Validates with the same schema the API uses before it sends anything.
 */
export function ExperimentEditor({
  options,
  initial,
  experimentId,
}: {
  options: EditorOptions;
  initial?: ExperimentDraft;
  experimentId?: string;
}) {
  const router = useRouter();
  const [draft, setDraft] = useState<ExperimentDraft>(initial ?? emptyDraft());
  const [issues, setIssues] = useState<string[]>([]);
  const [launching, setLaunching] = useState(false);
  const set = (patch: Partial<ExperimentDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const variants = draft.variants;
  const setVariant = (i: number, patch: Partial<VariantDraft>) =>
    set({ variants: variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
  const templates = options.templates.filter((t) => t.channel === draft.channel);
  const published = templates.flatMap((t) =>
    t.versions
      .filter((v) => v.status !== "draft")
      .map((v) => ({
        id: v.id,
        label: `${t.name} · v${v.version}${v.status === "superseded" ? " (superseded)" : ""}`,
      })),
  );
  const holdoutShare = draft.holdoutShare ?? 0.1;
  const weightTotal = variants.reduce((s, v) => s + (v.weight || 0), 0);

  const save = useMutation({
    mutationFn: async (then: "stay" | "launch") => {
      const parsed = experimentInputSchema.safeParse(draft);
      if (!parsed.success) {
        setIssues(parsed.error.issues.map((i) => `${i.path.length ? `${i.path.join(".")}: ` : ""}${i.message}`));
        throw new Error("Fix the fields below before saving.");
      }
      setIssues([]);
      const saved = experimentId
        ? await apiFetch<{ experiment: { id: string } }>(`/api/experiments/${experimentId}`, {
            method: "PUT",
            body: parsed.data,
          })
        : await apiFetch<{ experiment: { id: string } }>("/api/experiments", { method: "POST", body: parsed.data });
      return { id: saved.experiment.id, then };
    },
    // Launching asks first (the estimate and its refusal or warnings), on what was just saved.
    onSuccess: ({ id, then }) => {
      if (then === "launch") return setLaunching(true);
      router.push(`/experiments/${id}`);
      router.refresh();
    },
  });

  const splitEvenly = () => set({ variants: variants.map((v) => ({ ...v, weight: 1 / variants.length })) });
  const addVariant = () =>
    set({
      variants: [
        ...variants,
        { name: `Variant ${variantKey(variants.length)}`, weight: 0, versionId: null, sendOption: null },
      ].map((v, _i, all) => ({ ...v, weight: 1 / all.length })),
    });
  const removeVariant = (i: number) =>
    set({ variants: variants.filter((_, j) => j !== i).map((v, _j, all) => ({ ...v, weight: 1 / all.length })) });
  const toggleGuardrail = (kind: "unsubscribe_rate" | "failed_rate", on: boolean) =>
    set({
      guardrails: on
        ? [...(draft.guardrails ?? []).filter((g) => g.kind !== kind), { kind, threshold: null }]
        : (draft.guardrails ?? []).filter((g) => g.kind !== kind),
    });
  const secondaryKinds = (draft.secondaryMetrics ?? []).map((m) => m.kind);
  const toggleSecondary = (m: Metric, on: boolean) =>
    set({
      secondaryMetrics: on
        ? [...(draft.secondaryMetrics ?? []).filter((x) => x.kind !== m.kind), m]
        : (draft.secondaryMetrics ?? []).filter((x) => x.kind !== m.kind),
    });
  const warning = holdoutWarning(holdoutShare);

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <form
        className="grid gap-6"
        aria-label="Experiment"
        // The shared schema validates (and names the field); the browser's step rules would reject 33.333 %.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate("stay");
        }}
      >
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>What you test</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            <Field id="exp-name" label="Name">
              <Input
                id="exp-name"
                value={draft.name}
                onChange={(e) => set({ name: e.target.value })}
                placeholder="Subject line: offer first"
              />
            </Field>
            <Field
              id="exp-hypothesis"
              label="Hypothesis"
              hint="What you expect to change, for whom, and why — the analyst reads the result against it."
            >
              <Textarea
                id="exp-hypothesis"
                value={draft.hypothesis ?? ""}
                onChange={(e) => set({ hypothesis: e.target.value })}
                placeholder="Naming the discount in the subject makes more recipients buy within 3 days."
              />
            </Field>
            <div className="flex flex-wrap gap-4">
              <Field id="exp-channel" label="Channel">
                <NativeSelect
                  id="exp-channel"
                  value={draft.channel}
                  onChange={(e) =>
                    set({
                      channel: e.target.value as ExperimentDraft["channel"],
                      variants: variants.map((v) => ({ ...v, versionId: null })),
                    })
                  }
                >
                  {TEMPLATE_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {channelLabel(c)}
                    </option>
                  ))}
                </NativeSelect>
              </Field>
              <Field id="exp-audience-kind" label="Audience">
                <NativeSelect
                  id="exp-audience-kind"
                  value={draft.audience.kind}
                  onChange={(e) => {
                    const kind = e.target.value;
                    if (kind === "all") set({ audience: { kind: "all" } });
                    else if (kind === "segment")
                      set({ audience: { kind: "segment", id: options.segments[0]?.id ?? "" } });
                    else set({ audience: { kind: "persona", id: options.personas.find((p) => p.bound)?.id ?? "" } });
                  }}
                >
                  <option value="all">Everyone</option>
                  <option value="segment">A segment</option>
                  <option value="persona">A persona&apos;s audience</option>
                </NativeSelect>
              </Field>
              {draft.audience.kind !== "all" && (
                <Field id="exp-audience-id" label={draft.audience.kind === "segment" ? "Segment" : "Persona"}>
                  <NativeSelect
                    id="exp-audience-id"
                    value={draft.audience.id}
                    onChange={(e) =>
                      set({ audience: { ...(draft.audience as { kind: "segment" }), id: e.target.value } })
                    }
                  >
                    {(draft.audience.kind === "segment"
                      ? options.segments
                      : options.personas.filter((p) => p.bound)
                    ).map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </NativeSelect>
                </Field>
              )}
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Variants and holdout</h2>
            </CardTitle>
            <CardDescription>
              A is the control. Weights split the profiles that are not held out; the holdout gets nothing and shows
              what sending did at all.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <ol className="grid gap-3">
              {variants.map((v, i) => {
                const key = variantKey(i);
                const sends = v.versionId ?? (i > 0 && v.sendOption ? SAME_AS_CONTROL : "");
                return (
                  <li key={i} className="grid gap-3 rounded-lg border p-3" aria-label={`Variant ${key}`}>
                    <div className="flex flex-wrap items-end gap-3">
                      <span
                        className="flex size-8 items-center justify-center rounded-full bg-muted font-semibold"
                        aria-hidden
                      >
                        {key}
                      </span>
                      <Field id={`variant-${i}-name`} label={`Variant ${key} name`}>
                        <Input
                          id={`variant-${i}-name`}
                          className="w-48"
                          value={v.name}
                          onChange={(e) => setVariant(i, { name: e.target.value })}
                        />
                      </Field>
                      <Field id={`variant-${i}-weight`} label={`Variant ${key} weight`}>
                        <PercentInput
                          id={`variant-${i}-weight`}
                          value={v.weight}
                          onChange={(weight) => setVariant(i, { weight })}
                        />
                      </Field>
                      <Field id={`variant-${i}-sends`} label={`Variant ${key} sends`}>
                        <NativeSelect
                          id={`variant-${i}-sends`}
                          className="min-w-64"
                          value={sends}
                          onChange={(e) =>
                            e.target.value === SAME_AS_CONTROL
                              ? setVariant(i, { versionId: null, sendOption: { sendDelayHours: 3 } })
                              : setVariant(i, { versionId: e.target.value || null, sendOption: null })
                          }
                        >
                          <option value="">Pick a published version…</option>
                          {published.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.label}
                            </option>
                          ))}
                          {i > 0 && (
                            <option value={SAME_AS_CONTROL}>
                              Control&apos;s version, another send time or frequency
                            </option>
                          )}
                        </NativeSelect>
                      </Field>
                      {variants.length > MIN_VARIANTS && (
                        <Button
                          type="button"
                          variant="ghost"
                          size="icon"
                          aria-label={`Remove variant ${key}`}
                          onClick={() => removeVariant(i)}
                        >
                          <Trash2 className="size-4" aria-hidden />
                        </Button>
                      )}
                    </div>
                    {sends === SAME_AS_CONTROL && (
                      <div className="flex flex-wrap gap-3 pl-11">
                        <Field id={`variant-${i}-delay`} label="Send delay (hours)">
                          <Input
                            id={`variant-${i}-delay`}
                            type="number"
                            min={0}
                            max={336}
                            className="w-28"
                            value={v.sendOption?.sendDelayHours ?? ""}
                            onChange={(e) =>
                              setVariant(i, {
                                sendOption: {
                                  ...v.sendOption,
                                  sendDelayHours: e.target.value === "" ? undefined : Number(e.target.value),
                                },
                              })
                            }
                          />
                        </Field>
                        <Field id={`variant-${i}-frequency`} label="Frequency (per week)">
                          <Input
                            id={`variant-${i}-frequency`}
                            type="number"
                            min={1}
                            max={14}
                            className="w-28"
                            value={v.sendOption?.frequency ?? ""}
                            onChange={(e) =>
                              setVariant(i, {
                                sendOption: {
                                  ...v.sendOption,
                                  frequency: e.target.value === "" ? undefined : Number(e.target.value),
                                },
                              })
                            }
                          />
                        </Field>
                      </div>
                    )}
                  </li>
                );
              })}
            </ol>
            {published.length === 0 && (
              <p className="text-sm text-muted-foreground">
                No published {draft.channel} template yet: publish a template version first, then test it here.
              </p>
            )}
            <div className="flex flex-wrap items-center gap-2">
              <Button
                type="button"
                variant="outline"
                size="sm"
                disabled={variants.length >= MAX_VARIANTS}
                onClick={addVariant}
              >
                <Plus className="size-4" aria-hidden /> Add variant
              </Button>
              <Button type="button" variant="ghost" size="sm" onClick={splitEvenly}>
                Split evenly
              </Button>
              <span
                className={
                  Math.abs(weightTotal - 1) > 1e-6 ? "text-sm text-destructive" : "text-sm text-muted-foreground"
                }
              >
                Weights add up to {round(weightTotal * 100)} %
              </span>
            </div>
            <Field id="exp-holdout" label="Holdout share" hint="Of the whole audience; 10 % is the usual choice.">
              <PercentInput id="exp-holdout" value={holdoutShare} max={50} onChange={(x) => set({ holdoutShare: x })} />
            </Field>
            {warning && (
              <Alert variant="warning">
                <AlertTriangle aria-hidden />
                <AlertDescription>{warning}</AlertDescription>
              </Alert>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Metrics and guardrails</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4">
            <fieldset className="grid gap-2">
              <legend className="mb-1 text-sm font-medium">Primary metric</legend>
              <MetricFields
                id="primary"
                metric={draft.primaryMetric}
                onChange={(m) =>
                  set({
                    primaryMetric: m,
                    secondaryMetrics: (draft.secondaryMetrics ?? []).filter((s) => s.kind !== m.kind),
                  })
                }
              />
            </fieldset>
            <fieldset className="grid gap-1">
              <legend className="mb-1 text-sm font-medium">
                Secondary metrics (corrected together with the primary)
              </legend>
              {(
                [
                  { kind: "conversion", event: "purchase", windowHours: 72 },
                  { kind: "ctr" },
                  { kind: "revenue_per_recipient", event: "purchase", windowHours: 72 },
                ] as Metric[]
              )
                .filter((m) => m.kind !== draft.primaryMetric.kind)
                .map((m) => (
                  <label key={m.kind} className="flex items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      className="size-4 accent-primary"
                      checked={secondaryKinds.includes(m.kind)}
                      onChange={(e) => toggleSecondary(m, e.target.checked)}
                    />
                    {m.kind === "ctr"
                      ? "Click-through rate"
                      : m.kind === "conversion"
                        ? "Conversion (purchase within 72 h)"
                        : "Revenue per recipient (72 h)"}
                  </label>
                ))}
            </fieldset>
            <fieldset className="grid gap-1">
              <legend className="mb-1 text-sm font-medium">
                Guardrails (stop when significantly worse than control)
              </legend>
              {(["unsubscribe_rate", "failed_rate"] as const).map((kind) => (
                <label key={kind} className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-4 accent-primary"
                    checked={(draft.guardrails ?? []).some((g) => g.kind === kind)}
                    onChange={(e) => toggleGuardrail(kind, e.target.checked)}
                  />
                  {kind === "unsubscribe_rate" ? "Unsubscribe rate" : "Failed / complaint rate"}
                </label>
              ))}
            </fieldset>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Statistics</h2>
            </CardTitle>
          </CardHeader>
          <CardContent className="flex flex-wrap gap-4">
            <Field
              id="exp-method"
              label="Method"
              hint={
                draft.stats?.method === "sequential"
                  ? "Safe to look at any time: wider intervals early."
                  : "Look once, at the planned sample."
              }
            >
              <NativeSelect
                id="exp-method"
                value={draft.stats?.method ?? "frequentist"}
                onChange={(e) =>
                  set({ stats: { ...draft.stats, method: e.target.value as "frequentist" | "sequential" } })
                }
              >
                <option value="frequentist">Fixed horizon</option>
                <option value="sequential">Sequential</option>
              </NativeSelect>
            </Field>
            <Field id="exp-alpha" label="Significance level α">
              <Input
                id="exp-alpha"
                type="number"
                step="any"
                min={0.001}
                max={0.2}
                className="w-24"
                value={draft.stats?.alpha ?? 0.05}
                onChange={(e) => set({ stats: { ...draft.stats, alpha: Number(e.target.value) } })}
              />
            </Field>
            <Field id="exp-correction" label="Multiple comparisons">
              <NativeSelect
                id="exp-correction"
                value={draft.stats?.correction ?? "holm"}
                onChange={(e) => set({ stats: { ...draft.stats, correction: e.target.value as "holm" | "bh" } })}
              >
                <option value="holm">Holm</option>
                <option value="bh">Benjamini–Hochberg</option>
              </NativeSelect>
            </Field>
            <Field id="exp-planned" label="Planned sample (per arm)" hint="From the calculator, or your own.">
              <Input
                id="exp-planned"
                type="number"
                min={1}
                className="w-32"
                value={draft.plannedSampleSize ?? ""}
                onChange={(e) => set({ plannedSampleSize: e.target.value === "" ? null : Number(e.target.value) })}
              />
            </Field>
          </CardContent>
        </Card>

        {issues.length > 0 && (
          <Alert variant="destructive" role="alert">
            <AlertDescription>
              <ul className="list-disc pl-4">
                {issues.map((i) => (
                  <li key={i}>{i}</li>
                ))}
              </ul>
            </AlertDescription>
          </Alert>
        )}
        {save.error && issues.length === 0 && <FormAlert message={save.error.message} />}
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={save.isPending}>
            {save.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />}{" "}
            {experimentId ? "Save changes" : "Create draft experiment"}
          </Button>
          {experimentId && (
            <Button type="button" variant="outline" disabled={save.isPending} onClick={() => save.mutate("launch")}>
              <Rocket className="size-4" aria-hidden /> Save and launch…
            </Button>
          )}
        </div>
      </form>
      {experimentId && (
        <LaunchExperimentDialog
          experimentId={experimentId}
          open={launching}
          onOpenChange={setLaunching}
          onLaunched={() => (setLaunching(false), router.refresh())}
        />
      )}
      <CalculatorPanel draft={draft} onPlan={(n) => set({ plannedSampleSize: n })} />
    </div>
  );
}
