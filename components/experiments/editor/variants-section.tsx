"use client";

import { AlertTriangle, Plus, Trash2 } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import {
  holdoutWarning,
  MAX_VARIANTS,
  MIN_VARIANTS,
  variantKey,
  WEIGHT_TOLERANCE,
  type ExperimentDraft,
} from "@/lib/experiments";
import { DraftField, PercentInput, round, useDraft, type EditorOptions } from "./fields";

type VariantDraft = ExperimentDraft["variants"][number];

export const SAME_AS_CONTROL = "__same__";

/** The published versions of the channel's templates, as variants can send them. */
export function publishedVersions(options: EditorOptions, channel: string) {
  return options.templates
    .filter((t) => t.channel === channel)
    .flatMap((t) =>
      t.versions
        .filter((v) => v.status !== "draft")
        .map((v) => ({
          id: v.id,
          label: `${t.name} · v${v.version}${v.status === "superseded" ? " (superseded)" : ""}`,
        })),
    );
}

/** 2–8 variants with their weights and what each sends, and the holdout. */
export function VariantsSection({ options }: { options: EditorOptions }) {
  const { form, draft, set } = useDraft();
  const variants = draft.variants;
  const published = publishedVersions(options, draft.channel);
  const holdoutShare = draft.holdoutShare ?? 0.1;
  const weightTotal = variants.reduce((s, v) => s + (v.weight || 0), 0);
  const warning = holdoutWarning(holdoutShare);
  const weightsError = form.formState.errors.variants?.message;
  const setVariant = (i: number, patch: Partial<VariantDraft>) =>
    set({ variants: variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) });
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

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Variants and holdout</h2>
        </CardTitle>
        <CardDescription>
          A is the control. Weights split the profiles that are not held out; the holdout gets nothing and shows what
          sending did at all.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <ol className="grid gap-3">
          {variants.map((v, i) => {
            const key = variantKey(i);
            const sends = v.versionId ?? (i > 0 && v.sendOption ? SAME_AS_CONTROL : "");
            return (
              <li key={i} className="grid gap-3 rounded-lg border p-3" aria-label={`Variant ${key}`}>
                <div className="flex flex-wrap items-start gap-3">
                  <span
                    className="mt-5 flex size-8 items-center justify-center rounded-full bg-muted font-semibold"
                    aria-hidden
                  >
                    {key}
                  </span>
                  <DraftField name={`variants.${i}.name`} label={`Variant ${key} name`}>
                    {(field) => (
                      <Input
                        className="w-48"
                        value={(field.value as string) ?? ""}
                        onChange={(e) => field.onChange(e.target.value)}
                        onBlur={field.onBlur}
                      />
                    )}
                  </DraftField>
                  <DraftField name={`variants.${i}.weight`} label={`Variant ${key} weight`}>
                    {(field) => (
                      <PercentInput value={field.value as number} onChange={field.onChange} onBlur={field.onBlur} />
                    )}
                  </DraftField>
                  <DraftField name={`variants.${i}.versionId`} label={`Variant ${key} sends`} className="max-w-sm">
                    {(field) => (
                      <NativeSelect
                        className="min-w-64"
                        value={sends}
                        onBlur={field.onBlur}
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
                    )}
                  </DraftField>
                  {variants.length > MIN_VARIANTS && (
                    <Button
                      type="button"
                      variant="ghost"
                      size="icon"
                      className="mt-5"
                      aria-label={`Remove variant ${key}`}
                      onClick={() => removeVariant(i)}
                    >
                      <Trash2 className="size-4" aria-hidden />
                    </Button>
                  )}
                </div>
                {sends === SAME_AS_CONTROL && (
                  <div className="flex flex-wrap gap-3 pl-11">
                    <DraftField name={`variants.${i}.sendOption.sendDelayHours`} label="Send delay (hours)">
                      {(field) => (
                        <Input
                          type="number"
                          min={0}
                          max={336}
                          className="w-28"
                          value={(field.value as number | undefined) ?? ""}
                          onBlur={field.onBlur}
                          onChange={(e) =>
                            setVariant(i, {
                              sendOption: {
                                ...v.sendOption,
                                sendDelayHours: e.target.value === "" ? undefined : Number(e.target.value),
                              },
                            })
                          }
                        />
                      )}
                    </DraftField>
                    <DraftField name={`variants.${i}.sendOption.frequency`} label="Frequency (per week)">
                      {(field) => (
                        <Input
                          type="number"
                          min={1}
                          max={14}
                          className="w-28"
                          value={(field.value as number | undefined) ?? ""}
                          onBlur={field.onBlur}
                          onChange={(e) =>
                            setVariant(i, {
                              sendOption: {
                                ...v.sendOption,
                                frequency: e.target.value === "" ? undefined : Number(e.target.value),
                              },
                            })
                          }
                        />
                      )}
                    </DraftField>
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
          <DisabledReason
            reason={variants.length >= MAX_VARIANTS ? `An experiment has at most ${MAX_VARIANTS} variants.` : null}
          >
            <Button
              type="button"
              variant="outline"
              size="sm"
              disabled={variants.length >= MAX_VARIANTS}
              onClick={addVariant}
            >
              <Plus className="size-4" aria-hidden /> Add variant
            </Button>
          </DisabledReason>
          <Button type="button" variant="ghost" size="sm" onClick={splitEvenly}>
            Split evenly
          </Button>
          <span
            className={
              Math.abs(weightTotal - 1) > WEIGHT_TOLERANCE
                ? "text-sm text-destructive"
                : "text-sm text-muted-foreground"
            }
          >
            Weights add up to {round(weightTotal * 100)} %
          </span>
        </div>
        {weightsError && (
          <p className="text-sm text-destructive" role="alert">
            {weightsError}
          </p>
        )}
        <DraftField name="holdoutShare" label="Holdout share" hint="Of the whole audience; 10 % is the usual choice.">
          {(field) => <PercentInput value={holdoutShare} max={50} onChange={field.onChange} onBlur={field.onBlur} />}
        </DraftField>
        {warning && (
          <Alert variant="warning">
            <AlertTriangle aria-hidden />
            <AlertDescription>{warning}</AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
