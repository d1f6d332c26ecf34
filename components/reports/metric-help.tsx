"use client";

import { Info } from "lucide-react";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { METRIC_DEFINITIONS, type MetricKey } from "@/lib/analytics";

/**
 * A metric's name with its docs/product.md definition one hover or focus away; `labelId` ids the
 * name alone, for a card or region named by it (aria-labelledby).
 */
export function MetricLabel({ metric, label, labelId }: { metric: MetricKey; label?: string; labelId?: string }) {
  const definition = METRIC_DEFINITIONS[metric];
  const name = label ?? definition.label;
  return (
    <span className="inline-flex items-center gap-1">
      <span id={labelId}>{name}</span>
      <Tooltip>
        <TooltipTrigger asChild>
          <button
            type="button"
            aria-label={`How ${name} is defined`}
            className={
              "rounded-full text-muted-foreground hover:text-foreground focus-visible:ring-2 " +
              "focus-visible:ring-ring focus-visible:outline-hidden"
            }
          >
            <Info className="size-3.5" aria-hidden />
          </button>
        </TooltipTrigger>
        <TooltipContent>{definition.definition}</TooltipContent>
      </Tooltip>
    </span>
  );
}
