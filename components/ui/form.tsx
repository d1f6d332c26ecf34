"use client";

import { Slot } from "radix-ui";
import { createContext, useContext, useId, type ComponentProps, type ReactNode } from "react";
import {
  Controller,
  FormProvider,
  useFormContext,
  useFormState,
  type ControllerProps,
  type FieldPath,
  type FieldValues,
} from "react-hook-form";
import { cn } from "./cn";
import { Label } from "./label";

/**
 * The forms layer: react-hook-form with a shared zod schema (`zodResolver`), shadcn-style.
 * `useForm({ resolver: zodResolver(schema), mode: "onTouched", reValidateMode: "onChange" })` shows a
 * changed field's message once the user leaves it, every field's once the form is sent, and clears it
 * as soon as the value is valid again.
 */
export const Form = FormProvider;

type FieldContextValue = { name: string };
const FormFieldContext = createContext<FieldContextValue | null>(null);
const FormItemContext = createContext<{ id: string } | null>(null);

/** One field of the form: a `Controller` whose name the item, label, control and message below read. */
export function FormField<TValues extends FieldValues, TName extends FieldPath<TValues> = FieldPath<TValues>>(
  props: ControllerProps<TValues, TName>,
) {
  return (
    <FormFieldContext.Provider value={{ name: props.name }}>
      <Controller {...props} />
    </FormFieldContext.Provider>
  );
}

/**
 * A field of the form that is not a registered `Controller` (its value is set with `setValue` by an editor that
 * changes several fields at once): the item, label, control and message below read its state all the same.
 */
export function FormFieldScope({ name, children }: { name: string; children: ReactNode }) {
  return <FormFieldContext.Provider value={{ name }}>{children}</FormFieldContext.Provider>;
}

/** A field's message; for a group (an object or a list) the first message inside it. */
function messageOf(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const { message } = error as { message?: unknown };
  if (typeof message === "string" && message) return message;
  for (const [key, value] of Object.entries(error)) {
    if (key === "ref" || key === "type" || key === "types") continue;
    const inner = messageOf(value);
    if (inner) return inner;
  }
  return undefined;
}

/** The ids and the error of the field around the caller. */
export function useFormField() {
  const field = useContext(FormFieldContext);
  const item = useContext(FormItemContext);
  const { getFieldState } = useFormContext();
  const state = useFormState({ name: field?.name });
  if (!field || !item) throw new Error("useFormField must be used inside <FormField> and <FormItem>.");
  const fieldState = getFieldState(field.name, state);
  // The schema's verdict on a field left empty on the way to another waits until the form is sent;
  // on a field the user has changed it shows as they leave it. (A message appearing as a pristine
  // field loses focus also moved the submit button out from under the click that took the focus
  // away.) A message the editor set itself (the server's, autosave's: no schema issue code) shows.
  const set = fieldState.error && (!fieldState.error.type || fieldState.error.type === "validate");
  const error = set || state.submitCount > 0 || fieldState.isDirty ? fieldState.error : undefined;
  return {
    message: messageOf(error),
    name: field.name,
    formItemId: `${item.id}-control`,
    formDescriptionId: `${item.id}-description`,
    formMessageId: `${item.id}-message`,
    error,
    invalid: Boolean(error),
  };
}

export function FormItem({ className, ...props }: ComponentProps<"div">) {
  const id = useId();
  return (
    <FormItemContext.Provider value={{ id }}>
      <div className={cn("grid gap-1.5", className)} {...props} />
    </FormItemContext.Provider>
  );
}

export function FormLabel({ className, ...props }: ComponentProps<typeof Label>) {
  const { formItemId, error } = useFormField();
  return <Label htmlFor={formItemId} data-error={!!error || undefined} className={className} {...props} />;
}

/** Wraps the input: gives it the id the label points at, its description and message, and `aria-invalid`. */
export function FormControl(props: ComponentProps<typeof Slot.Root>) {
  const { formItemId, formDescriptionId, formMessageId, error } = useFormField();
  return (
    <Slot.Root
      id={formItemId}
      aria-describedby={error ? `${formDescriptionId} ${formMessageId}` : formDescriptionId}
      aria-invalid={!!error || undefined}
      {...props}
    />
  );
}

export function FormDescription({ className, ...props }: ComponentProps<"p">) {
  const { formDescriptionId } = useFormField();
  return <p id={formDescriptionId} className={cn("text-xs text-muted-foreground", className)} {...props} />;
}

/** The field's error, at the field; it disappears as soon as the value is valid. */
export function FormMessage({ className, children, ...props }: ComponentProps<"p">) {
  const { formMessageId, message } = useFormField();
  const body = message ?? children;
  if (!body) return null;
  return (
    <p id={formMessageId} className={cn("text-sm text-destructive", className)} {...props}>
      {body}
    </p>
  );
}
