"use client";

import type { ReactElement, ReactNode } from "react";
import { FormControl, FormDescription, FormFieldScope, FormItem, FormLabel, FormMessage } from "@/components/ui/form";

/**
 * One labelled field of the journey's form (`nodes.3.wait.minutes`): its label, its control and the
 * schema's message at it. The value is the caller's: a step is edited whole (replaceStep keeps its
 * exits connected), so the field only names the path its message belongs to.
 */
export function StepField({
  name,
  label,
  hint,
  className,
  children,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  className?: string;
  children: ReactElement;
}) {
  return (
    <FormFieldScope name={name}>
      <FormItem className={className}>
        <FormLabel>{label}</FormLabel>
        <FormControl>{children}</FormControl>
        {hint && <FormDescription>{hint}</FormDescription>}
        <FormMessage />
      </FormItem>
    </FormFieldScope>
  );
}

/** A message of the journey's form for a field drawn without `StepField` (a combobox, a list). */
export function FieldMessage({ name }: { name: string }) {
  return (
    <FormFieldScope name={name}>
      <FormItem>
        <FormMessage />
      </FormItem>
    </FormFieldScope>
  );
}
