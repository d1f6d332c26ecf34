"use client";

import { Slot } from "radix-ui";
import { useId, type ReactNode } from "react";
import { cn } from "./cn";

/**
 * A button that may be disabled, with the reason next to it: visible text (tooltips never show on touch, and a
 * disabled button gets no hover) that the button names with `aria-describedby`. Without a reason it is just the button.
 */
export function DisabledReason({
  reason,
  children,
  className,
}: {
  reason?: string | null;
  children: ReactNode;
  className?: string;
}) {
  const id = useId();
  if (!reason) return children;
  return (
    <div className={cn("flex flex-wrap items-center gap-x-3 gap-y-1", className)}>
      <Slot.Root aria-describedby={id}>{children}</Slot.Root>
      <p id={id} className="text-sm text-muted-foreground">
        {reason}
      </p>
    </div>
  );
}
