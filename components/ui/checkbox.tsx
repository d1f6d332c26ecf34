"use client";

import { Check, Minus } from "lucide-react";
import { Checkbox as CheckboxPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A checkbox (Radix: a `button` with role checkbox); give it a `Label` with `htmlFor`, or wrap it in one. */
export function Checkbox({ className, ...props }: ComponentProps<typeof CheckboxPrimitive.Root>) {
  return (
    <CheckboxPrimitive.Root
      className={cn(
        "peer size-4 shrink-0 rounded-sm border border-input bg-background shadow-xs " +
          "transition-colors focus-visible:outline-hidden focus-visible:ring-2 " +
          "focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50 " +
          "data-[state=checked]:border-primary data-[state=checked]:bg-primary " +
          "data-[state=checked]:text-primary-foreground data-[state=indeterminate]:border-primary " +
          "data-[state=indeterminate]:bg-primary data-[state=indeterminate]:text-primary-foreground " +
          "aria-[invalid=true]:border-destructive",
        className,
      )}
      {...props}
    >
      <CheckboxPrimitive.Indicator className="group flex items-center justify-center text-current">
        <Check className="size-3.5 group-data-[state=indeterminate]:hidden" aria-hidden />
        <Minus className="hidden size-3.5 group-data-[state=indeterminate]:block" aria-hidden />
      </CheckboxPrimitive.Indicator>
    </CheckboxPrimitive.Root>
  );
}
