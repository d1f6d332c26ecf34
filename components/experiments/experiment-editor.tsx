"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Loader2, Rocket } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch, type FieldPath } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import { Form } from "@/components/ui/form";
import {
  experimentInputSchema,
  variantKey,
  WEIGHT_TOLERANCE,
  type ExperimentDraft,
  type ExperimentInput,
} from "@/lib/experiments";
import { CalculatorPanel } from "./calculator-panel";
import { BasicsSection } from "./editor/basics-section";
import type { EditorOptions } from "./editor/fields";
import { MetricsSection } from "./editor/metrics-section";
import { StatsSection } from "./editor/stats-section";
import { publishedVersions, VariantsSection } from "./editor/variants-section";
import { LaunchExperimentDialog } from "./launch-dialog";

export type { EditorOptions, TemplateOption } from "./editor/fields";

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

/** Why the draft cannot be launched yet, in the words of the fix; null when it can. */
function launchBlocker(draft: ExperimentDraft, options: EditorOptions): string | null {
  if (publishedVersions(options, draft.channel).length === 0)
    return "Publish a template version for this channel to launch.";
  if (!draft.variants[0]?.versionId) return "Pick the version the control (A) sends to launch.";
  const open = draft.variants.findIndex((v, i) => i > 0 && !v.versionId && !v.sendOption);
  if (open > 0) return `Pick what variant ${variantKey(open)} sends to launch.`;
  const total = draft.variants.reduce((sum, v) => sum + (v.weight || 0), 0);
  if (Math.abs(total - 1) > WEIGHT_TOLERANCE) return "Make the variant weights add up to 100 % to launch.";
  return null;
}

/**
 * The experiment editor (marketers): hypothesis, audience, 2–8 variants with weights, holdout,
 * metrics, guardrails, statistics settings and the planned sample — with the calculator beside it.
 * Validates with the same schema the API uses before it sends anything; each message shows at its field.
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
  const [launching, setLaunching] = useState(false);
  const form = useForm<ExperimentDraft, unknown, ExperimentInput>({
    resolver: zodResolver(experimentInputSchema),
    mode: "onTouched",
    reValidateMode: "onChange",
    defaultValues: initial ?? emptyDraft(),
  });
  const draft = useWatch({ control: form.control }) as ExperimentDraft;

  const save = useMutation({
    mutationFn: async ({ input, then }: { input: ExperimentInput; then: "stay" | "launch" }) => {
      const saved = experimentId
        ? await apiFetch<{ experiment: { id: string } }>(`/api/experiments/${experimentId}`, {
            method: "PUT",
            body: input,
          })
        : await apiFetch<{ experiment: { id: string } }>("/api/experiments", { method: "POST", body: input });
      return { id: saved.experiment.id, then };
    },
    // Launching asks first (the estimate and its refusal or warnings), on what was just saved.
    onSuccess: ({ id, then }) => {
      if (then === "launch") return setLaunching(true);
      router.push(`/experiments/${id}`);
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.field)
        form.setError(error.field as FieldPath<ExperimentDraft>, { message: error.message }, { shouldFocus: true });
    },
  });
  const submit = (then: "stay" | "launch") => form.handleSubmit((input) => save.mutate({ input, then }));
  const fieldError = save.error instanceof ApiError && Boolean(save.error.field);
  const blocker = launchBlocker(draft, options);
  const invalid = form.formState.isSubmitted && !form.formState.isValid;

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <Form {...form}>
        <form
          className="grid gap-6"
          aria-label="Experiment"
          // The shared schema validates (and names the field); the browser's step rules would reject 33.333 %.
          noValidate
          onSubmit={submit("stay")}
        >
          <BasicsSection options={options} />
          <VariantsSection options={options} />
          <MetricsSection />
          <StatsSection />
          {invalid && <FormAlert message="Some fields need a look: each says what to change." />}
          {save.error && !fieldError && <FormAlert message={save.error.message} />}
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" disabled={save.isPending}>
              {save.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />}{" "}
              {experimentId ? "Save changes" : "Create draft experiment"}
            </Button>
            {experimentId && (
              <DisabledReason reason={blocker}>
                <Button
                  type="button"
                  variant="outline"
                  disabled={save.isPending || blocker !== null}
                  onClick={() => void submit("launch")()}
                >
                  <Rocket className="size-4" aria-hidden /> Save and launch…
                </Button>
              </DisabledReason>
            )}
          </div>
        </form>
      </Form>
      {experimentId && (
        <LaunchExperimentDialog
          experimentId={experimentId}
          open={launching}
          onOpenChange={setLaunching}
          onLaunched={() => (setLaunching(false), router.refresh())}
        />
      )}
      <CalculatorPanel draft={draft} onPlan={(n) => form.setValue("plannedSampleSize", n, { shouldDirty: true })} />
    </div>
  );
}
