"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-fetch";
import type { PersonaCard } from "@/lib/personas/server";
import type { CatalogEntry, EventProperty } from "@/lib/profiles/server";
import { queryKeys } from "@/components/query-keys";

const FIVE_MINUTES = 5 * 60_000;

/** Learned custom traits (traits.*) with types and examples, for the field picker. */
export function useTraitCatalog() {
  return useQuery({
    queryKey: queryKeys.catalog.traits,
    queryFn: ({ signal }) =>
      apiFetch<{ traits: CatalogEntry[] }>("/api/traits", { signal }).then((r) =>
        r.traits.filter((t) => t.source === "trait"),
      ),
    staleTime: FIVE_MINUTES,
  });
}

/**
 * Personas for the "in persona" picker; one without a bound segment has no one in it yet. Archived
 * ones come too, so a condition naming one still reads by name; the picker offers them no further.
 */
export function usePersonaOptions() {
  return useQuery({
    queryKey: queryKeys.personas.all,
    queryFn: ({ signal }) =>
      apiFetch<{ personas: PersonaCard[] }>("/api/personas?archived=show", { signal }).then((r) => r.personas),
    select: (personas) =>
      personas.map((p) => ({ id: p.id, name: p.name, segment: p.segment, archived: p.archivedAt !== null })),
    staleTime: FIVE_MINUTES,
  });
}

export function useEventNames() {
  return useQuery({
    queryKey: queryKeys.catalog.eventNames,
    queryFn: ({ signal }) => apiFetch<{ events: string[] }>("/api/events", { signal }).then((r) => r.events),
    staleTime: FIVE_MINUTES,
  });
}

export function useEventProperties(event: string) {
  return useQuery({
    queryKey: queryKeys.catalog.eventProperties(event),
    queryFn: ({ signal }) =>
      apiFetch<{ properties: EventProperty[] }>(`/api/events/properties?name=${encodeURIComponent(event)}`, {
        signal,
      }).then((r) => r.properties),
    enabled: event.trim().length > 0,
    staleTime: FIVE_MINUTES,
  });
}
