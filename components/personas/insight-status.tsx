import { LoaderCircle } from "lucide-react";
import { formatUtc } from "@/components/format-time";
import type { PersonaInsights } from "@/lib/personas/server";

/** "Computing, about 20 s" from the last computation's duration; the first one has nothing to go by. */
export function computingText(computing: NonNullable<PersonaInsights["computing"]>, now = Date.now()): string {
  if (computing.estimateMs === null) return "Computing for the first time";
  const estimate = `about ${Math.max(1, Math.round(computing.estimateMs / 1000)).toLocaleString("en")} s`;
  const elapsed = now - Date.parse(computing.since);
  return elapsed > 2 * computing.estimateMs + 5_000
    ? `Computing, taking longer than last time (${estimate})`
    : `Computing, ${estimate}`;
}

/**
 * A background-computed panel's provenance: the time its figures are as of, and whether newer
 * ones are being computed (the panel updates itself when they are) or the last attempt failed.
 */
export function InsightStatus({ insights }: { insights: PersonaInsights }) {
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
      {insights.asOf && <span>As of {formatUtc(insights.asOf)}</span>}
      {insights.computing && (
        <span role="status" className="inline-flex items-center gap-1">
          <LoaderCircle className="size-3 motion-safe:animate-spin" aria-hidden /> {computingText(insights.computing)}…
        </span>
      )}
      {insights.failed && <span className="text-destructive">The last computation failed: {insights.failed}</span>}
    </span>
  );
}
