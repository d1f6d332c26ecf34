"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-fetch";
import { Skeleton } from "@/components/ui/skeleton";
import type { ProviderSettings } from "@/lib/delivery/server";
import { ProviderCard } from "./provider-card";
import { queryKeys } from "@/components/query-keys";

export type ProvidersResponse = { providers: ProviderSettings[]; kindsForChannel: Record<string, string[]> };

/** One card per channel: the provider that carries it, its settings and a test send. */
export function ProvidersSettings() {
  const query = useQuery({
    queryKey: queryKeys.deliveryProviders.all,
    queryFn: () => apiFetch<ProvidersResponse>("/api/delivery/providers"),
  });
  if (query.isPending) return <Skeleton className="h-96 w-full" />;
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        {query.error.message}
      </p>
    );
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      {query.data.providers.map((p) => (
        <ProviderCard key={p.channel} settings={p} />
      ))}
    </div>
  );
}
