"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { formatUtc } from "@/components/format-time";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { Breakdown, BreakdownKind } from "@/lib/experiments/server";
import { BreakdownTable } from "./breakdown-table";
import { queryKeys } from "@/components/query-keys";

type Shared = { experimentId: string; armKeys: string[]; valueIsMoney: boolean; currency: string };

const LABEL: Record<BreakdownKind, string> = { persona: "Persona", segment: "Segment" };

/**
 * The breakdown tabs: each is computed when first opened (once per change to the experiment's
 * data, then cached on the server), unless the readout already carried it.
 */
export function BreakdownTabs({
  byPersona,
  bySegment,
  ...shared
}: Shared & { byPersona: Breakdown; bySegment: Breakdown }) {
  const [tab, setTab] = useState<BreakdownKind>("persona");
  return (
    <Tabs value={tab} onValueChange={(value) => setTab(value as BreakdownKind)}>
      <TabsList aria-label="Break down by">
        <TabsTrigger value="persona">By persona</TabsTrigger>
        <TabsTrigger value="segment">By segment</TabsTrigger>
      </TabsList>
      <TabsContent value="persona">
        <BreakdownPanel {...shared} kind="persona" initial={byPersona} open={tab === "persona"} />
      </TabsContent>
      <TabsContent value="segment">
        <BreakdownPanel {...shared} kind="segment" initial={bySegment} open={tab === "segment"} />
      </TabsContent>
    </Tabs>
  );
}

function BreakdownPanel({
  experimentId,
  kind,
  initial,
  open,
  armKeys,
  valueIsMoney,
  currency,
}: Shared & { kind: BreakdownKind; initial: Breakdown; open: boolean }) {
  const query = useQuery({
    queryKey: queryKeys.experiments.breakdown(experimentId, kind),
    queryFn: async () =>
      (await apiFetch<{ breakdown: Breakdown }>(`/api/experiments/${experimentId}/readout/breakdown?by=${kind}`))
        .breakdown,
    enabled: open && Boolean(initial.pending),
    initialData: initial.pending ? undefined : initial,
    staleTime: Infinity,
  });
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        {query.error.message}
      </p>
    );
  if (!query.data) return <Skeleton className="h-32 w-full" label={`Computing the breakdown by ${kind}…`} />;
  return (
    <div className="grid gap-2">
      <BreakdownTable
        breakdown={query.data}
        label={LABEL[kind]}
        armKeys={armKeys}
        valueIsMoney={valueIsMoney}
        currency={currency}
      />
      {query.data.asOf && (
        <p className="text-xs text-muted-foreground">
          As of {formatUtc(query.data.asOf)}: computed once for the experiment&apos;s data at that time, again after it
          changes.
        </p>
      )}
    </div>
  );
}
