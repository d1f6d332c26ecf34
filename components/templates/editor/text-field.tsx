"use client";

import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { useInsertable } from "./insert-target";

/**
 * A labelled text input or textarea that takes variables from the picker. What is said about it
 * (counter, findings) goes in `description`, which the input is described by.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  variant = "line",
  invalid,
  placeholder,
  description,
  action,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** `code` for JSON and MJML: monospaced, no spellcheck. */
  variant?: "line" | "url" | "multiline" | "code";
  invalid?: boolean;
  placeholder?: string;
  description?: ReactNode;
  /** A control beside the label, e.g. "Use inherited". */
  action?: ReactNode;
}) {
  const { ref, onFocus } = useInsertable<HTMLInputElement & HTMLTextAreaElement>(label, onChange);
  const common = {
    id,
    ref,
    value,
    onFocus,
    placeholder,
    "aria-invalid": invalid || undefined,
    "aria-describedby": description ? `${id}-about` : undefined,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  };
  return (
    <div className="space-y-1.5">
      <div className="flex items-center justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        {action}
      </div>
      {variant === "multiline" || variant === "code" ? (
        <Textarea
          {...common}
          rows={variant === "code" ? 8 : 4}
          spellCheck={variant === "code" ? false : undefined}
          className={cn(variant === "code" && "font-mono text-xs")}
        />
      ) : (
        // A url input has no selection API, so URLs are text inputs with the URL keyboard.
        <Input
          {...common}
          inputMode={variant === "url" ? "url" : undefined}
          spellCheck={variant === "url" ? false : undefined}
        />
      )}
      {description && (
        <div id={`${id}-about`} className="space-y-1">
          {description}
        </div>
      )}
    </div>
  );
}
