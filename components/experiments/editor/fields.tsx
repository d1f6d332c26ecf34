"use client";

import type { ComponentProps, ReactNode } from "react";
import { useFormContext, useWatch, type FieldPath } from "react-hook-form";
import { FormControl, FormDescription, FormFieldScope, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { ExperimentDraft } from "@/lib/experiments";

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

export const round = (x: number) => Math.round(x * 1000) / 1000;

/** The whole draft as it stands, and a setter for top-level fields (validated again once the form was submitted). */
export function useDraft() {
  const form = useFormContext<ExperimentDraft>();
  const draft = useWatch({ control: form.control }) as ExperimentDraft;
  const set = (patch: Partial<ExperimentDraft>) => {
    for (const [key, value] of Object.entries(patch))
      form.setValue(key as keyof ExperimentDraft, value, {
        shouldDirty: true,
        shouldValidate: form.formState.isSubmitted,
      });
  };
  return { form, draft, set };
}

/**
 * One labelled field of the draft, its control rendered by `children` with the field's value and change. Not a
 * registered Controller: the editor also rewrites whole parts of the draft (variants, audience) with `setValue`.
 * A field is checked when left and again on every change once it shows a message.
 */
export function DraftField<N extends FieldPath<ExperimentDraft>>({
  name,
  label,
  hint,
  className,
  children,
}: {
  name: N;
  label: string;
  hint?: string;
  className?: string;
  children: (field: { value: unknown; onChange: (value: unknown) => void; onBlur: () => void }) => ReactNode;
}) {
  const form = useFormContext<ExperimentDraft>();
  const value: unknown = useWatch({ control: form.control, name });
  const onChange = (next: unknown) =>
    form.setValue(name, next as never, {
      shouldDirty: true,
      shouldValidate: form.formState.isSubmitted || Boolean(form.getFieldState(name).error),
    });
  const onBlur = () => void form.trigger(name);
  return (
    <FormFieldScope name={name}>
      <FormItem className={className}>
        <FormLabel>{label}</FormLabel>
        <FormControl>{children({ value, onChange, onBlur })}</FormControl>
        {hint && <FormDescription>{hint}</FormDescription>}
        <FormMessage />
      </FormItem>
    </FormFieldScope>
  );
}

/** Percent input over a fraction: shows 50 for 0.5, stores what is typed divided by 100. */
export function PercentInput({
  value,
  onChange,
  min = 0,
  max = 100,
  ...props
}: Omit<ComponentProps<typeof Input>, "value" | "onChange"> & {
  value: number | undefined;
  onChange: (x: number) => void;
}) {
  return (
    <div className="flex items-center gap-1">
      <Input
        type="number"
        inputMode="decimal"
        step="0.1"
        min={min}
        max={max}
        className="w-24"
        value={value !== undefined && Number.isFinite(value) ? round(value * 100) : ""}
        onChange={(e) => onChange(Number(e.target.value) / 100)}
        {...props}
      />
      <span className="text-sm text-muted-foreground" aria-hidden>
        %
      </span>
    </div>
  );
}
