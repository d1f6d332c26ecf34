import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return (
    <textarea
      className={cn(
        "flex min-h-20 w-full rounded-md border border-input bg-background px-3 py-2 text-sm " +
          "shadow-xs transition-colors placeholder:text-muted-foreground focus-visible:outline-hidden " +
          "focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed " +
          "disabled:opacity-50 aria-[invalid=true]:border-destructive " +
          "aria-[invalid=true]:focus-visible:ring-destructive",
        className,
      )}
      {...props}
    />
  );
}
