import type { ComponentProps } from "react";
import { cn } from "./cn";

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        "flex h-9 w-full min-w-0 rounded-md border border-input bg-background px-3 py-1 text-sm " +
          "shadow-xs transition-colors placeholder:text-muted-foreground file:border-0 " +
          "file:bg-transparent file:text-sm file:font-medium file:text-foreground " +
          "focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring " +
          "disabled:cursor-not-allowed disabled:opacity-50 aria-[invalid=true]:border-destructive " +
          "aria-[invalid=true]:focus-visible:ring-destructive",
        className,
      )}
      {...props}
    />
  );
}
