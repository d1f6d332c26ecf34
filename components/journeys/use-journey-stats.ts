"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-fetch";
import { queryKeys } from "@/components/query-keys";
import type { JourneyStats } from "@/lib/journeys";

export const JOURNEY_STATS_REFRESH_MS = 10_000;

/**
 * A journey's live figures (GET …/stats every 10 s), one query shared by every part of the page that
 * shows them, so the flow, the funnel and the goal card always read the same snapshot.
 */
export function useJourneyStats(journeyId: string, initialStats: JourneyStats | null) {
  return useQuery({
    queryKey: queryKeys.journeys.stats(journeyId),
    queryFn: () => apiFetch<{ stats: JourneyStats }>(`/api/journeys/${journeyId}/stats`).then((r) => r.stats),
    initialData: initialStats ?? undefined,
    enabled: initialStats !== null,
    refetchInterval: JOURNEY_STATS_REFRESH_MS,
  }).data;
}
