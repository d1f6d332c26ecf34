"use client";

import { Loader2 } from "lucide-react";
import type { CacheState } from "@/lib/analytics/server";

/** When the report's numbers were counted; while newer data is being counted, that it updates by itself. */
export function AsOf({ cache }: { cache?: CacheState }) {
  if (!cache) return null;
  const time = new Date(cache.asOf).toLocaleTimeString(undefined, {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  return (
    <p className="flex items-center gap-1.5 pb-1.5 text-xs text-muted-foreground" role="status">
      {cache.refreshing && <Loader2 className="size-3 animate-spin" aria-hidden />}
      {cache.refreshing ? `As of ${time} · counting newer data, updates by itself` : `As of ${time}`}
    </p>
  );
}

/** TanStack Query's refetchInterval: read the report again every 2 s while the server counts newer data behind it. */
export const refetchWhileRefreshing = (query: { state: { data?: { cache?: CacheState } } }) =>
  query.state.data?.cache?.refreshing ? 2_000 : false;
