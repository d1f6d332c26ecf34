"use client";

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { apiFetch } from "@/components/api-fetch";
import { queryKeys } from "@/components/query-keys";
import { cn } from "@/components/ui/cn";
import { freshnessText, type DataAsOfJson } from "./data-as-of-text";

// Past this the dot turns amber: a fold normally follows capture within a second or two.
const BEHIND_AFTER_MS = 60_000;
const EXPLANATION =
  "Events are stored a moment after they arrive: a worker folds them into profiles, counts and reports. " +
  "Counts on this page include everything that arrived before the time shown.";

/** "Data as of …": how far folding has come for this workspace, refreshed every 5 s. */
export function DataAsOf({ className }: { className?: string }) {
  const descriptionId = useId();
  const status = useQuery({
    queryKey: queryKeys.ingest.status,
    queryFn: () => apiFetch<DataAsOfJson>("/api/ingest/status"),
    refetchInterval: 5_000,
  });
  const data = status.data;
  const text = data ? freshnessText(data) : status.isError ? "Data freshness unknown" : "Data freshness…";
  const behind = data !== undefined && data.lagMs > BEHIND_AFTER_MS;
  return (
    <p
      role="status"
      aria-label="Data freshness"
      // Found by its role and name, not read out: the time changes with every 5 s refresh.
      aria-live="off"
      aria-describedby={descriptionId}
      title={EXPLANATION}
      className={cn("inline-flex items-center gap-1.5 text-xs text-muted-foreground tabular-nums", className)}
    >
      <span
        aria-hidden
        className={cn(
          "size-1.5 shrink-0 rounded-full",
          !data ? "bg-muted-foreground/40" : behind ? "bg-amber-500" : "bg-emerald-500",
        )}
      />
      <span>{text}</span>
      <span id={descriptionId} className="sr-only">
        {EXPLANATION}
      </span>
    </p>
  );
}
