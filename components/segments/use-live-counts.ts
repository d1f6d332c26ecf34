"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { refetchWhileRefreshing } from "@/components/reports/as-of";
import type { Cached } from "@/lib/analytics/server";
import type { AudienceCounts, SampleProfile } from "@/lib/segments/server";
import type { SegmentDefinition } from "@/lib/segments";
import { queryKeys } from "@/components/query-keys";

/** The value after it has stopped changing for `ms` — typing never waits on the network. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Live total and per-node counts for the definition being edited. Requests go out 350 ms after the
 * last edit; a newer definition aborts the older request (TanStack passes the abort signal); the
 * previous counts stay on screen, marked as updating, until the new ones arrive. Counts the server
 * answered from an earlier minute's data while it counts newer data (slow definitions at scale) carry
 * `cache.refreshing`; they are read again every 2 s until the new counts are in.
 */
export function useLiveCounts(definition: SegmentDefinition | null, selfId?: string) {
  const key = useDebounced(definition ? JSON.stringify(definition) : null, 350);
  const counts = useQuery<Cached<AudienceCounts>>({
    queryKey: queryKeys.segments.preview(key, selfId),
    queryFn: ({ signal }) =>
      apiFetch<Cached<AudienceCounts>>("/api/segments/preview", {
        method: "POST",
        body: { definition: JSON.parse(key!) as unknown, selfId },
        signal,
      }),
    enabled: key !== null,
    refetchInterval: refetchWhileRefreshing,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const sample = useQuery<SampleProfile[]>({
    queryKey: queryKeys.segments.sample(key, selfId),
    queryFn: ({ signal }) =>
      apiFetch<{ profiles: SampleProfile[] }>("/api/segments/sample", {
        method: "POST",
        body: { definition: JSON.parse(key!) as unknown, selfId, limit: 8 },
        signal,
      }).then((r) => r.profiles),
    enabled: key !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const pending = definition !== null && (key !== JSON.stringify(definition) || counts.isFetching);
  return {
    counts: counts.data ?? null,
    cache: counts.data?.cache,
    error: counts.error,
    sample: sample.data ?? null,
    samplePending: sample.isFetching,
    pending,
  };
}
