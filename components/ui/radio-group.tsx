"use client";

import { RadioGroup as RadioGroupPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** One choice out of a few (arrow keys move between them); label the group and each item. */
export function RadioGroup({ className, ...props }: ComponentProps<typeof RadioGroupPrimitive.Root>) {
  return <RadioGroupPrimitive.Root className={cn("grid gap-2", className)} {...props} />;
}

export function RadioGroupItem({ className, ...props }: ComponentProps<typeof RadioGroupPrimitive.Item>) {
  return (
    <RadioGroupPrimitive.Item
      className={cn(
        "peer aspect-square size-4 shrink-0 rounded-full border border-input bg-background " +
          "shadow-xs transition-colors focus-visible:outline-hidden focus-visible:ring-2 " +
          "focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50 " +
          "data-[state=checked]:border-primary aria-[invalid=true]:border-destructive",
        className,
      )}
      {...props}
    >
      <RadioGroupPrimitive.Indicator className="flex items-center justify-center">
        <span className="size-2 rounded-full bg-primary" />
      </RadioGroupPrimitive.Indicator>
    </RadioGroupPrimitive.Item>
  );
}

/** A radio with its label and help as one bordered, clickable card. */
export function RadioCard({
  value,
  id,
  label,
  help,
  className,
}: {
  value: string;
  id: string;
  label: string;
  help?: string;
  className?: string;
}) {
  return (
    <label
      htmlFor={id}
      className={cn(
        "flex cursor-pointer items-start gap-3 rounded-md border p-3 " +
          "has-[[data-state=checked]]:border-primary has-[[data-state=checked]]:bg-primary/5",
        className,
      )}
    >
      <RadioGroupItem value={value} id={id} className="mt-0.5" aria-describedby={help ? `${id}-help` : undefined} />
      <span>
        <span className="block text-sm font-medium">{label}</span>
        {help && (
          <span id={`${id}-help`} className="block text-xs text-muted-foreground">
            {help}
          </span>
        )}
      </span>
    </label>
  );
}
