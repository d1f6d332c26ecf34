import { ChevronDown } from "lucide-react";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A styled native <select>: compact, fully keyboard-accessible, for dense editors like the segment builder. */
export function NativeSelect({ className, children, ...props }: ComponentProps<"select">) {
  return (
    <span className={cn("relative inline-flex", className)}>
      <select
        className={
          "h-8 w-full appearance-none rounded-md border border-input bg-background py-0 pr-7 pl-2 " +
          "text-sm shadow-xs focus-visible:outline-hidden focus-visible:ring-2 " +
          "focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-60 " +
          "aria-[invalid=true]:border-destructive"
        }
        {...props}
      >
        {children}
      </select>
      <ChevronDown className="pointer-events-none absolute top-2 right-2 size-4 opacity-60" aria-hidden />
    </span>
  );
}
