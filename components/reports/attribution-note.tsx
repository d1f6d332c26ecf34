import { Info } from "lucide-react";
import { MIN_RATE_N } from "@/lib/analytics";

/** The attribution basis, stated where the numbers are (docs/reports.md, "Attribution basis"). */
export function AttributionNote() {
  return (
    <p className="flex items-start gap-2 rounded-md border bg-muted/40 px-3 py-2 text-xs text-muted-foreground">
      <Info className="mt-0.5 size-3.5 shrink-0" aria-hidden />
      <span>
        <span className="font-medium text-foreground">Campaign-attributed:</span> the messages sent in this range, and
        what their recipients did — opens and clicks whenever they happened, conversions within each campaign&apos;s
        attribution window. Every rate divides by the profiles those messages reached. Below {MIN_RATE_N} profiles a
        rate reads &ldquo;too few&rdquo;; hovering one gives its 95% interval.
      </span>
    </p>
  );
}
