"use client";

import { useQuery } from "@tanstack/react-query";
import { ShieldAlert, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { SampleProfileList } from "@/components/segments/sample-profile-list";
import { SizeTrendChart } from "@/components/segments/size-trend-chart";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { LTV_BUCKET_LABELS, ORDER_BUCKET_LABELS } from "@/lib/personas/buckets";
import type { PersonaDetail, PersonaInsights as Insights } from "@/lib/personas";
import { AssumptionVerdicts } from "./assumption-verdicts";
import { ChannelResponseChart } from "./channel-response-chart";
import { DistributionChart } from "./distribution-chart";

const HOURS = Array.from({ length: 24 }, (_, h) => String(h));
const PLATFORMS: Record<string, string> = { ios: "iOS", android: "Android", web: "Web" };

/** The data side of the persona page, read live from the bound segment's audience. */
export function PersonaInsights({ persona }: { persona: PersonaDetail }) {
  const insights = useQuery({
    queryKey: ["persona-insights", persona.id, persona.updatedAt],
    queryFn: ({ signal }) => apiFetch<{ insights: Insights }>(`/api/personas/${persona.id}/insights`, { signal }).then((r) => r.insights),
  });
  const data = insights.data;
  const stats = data?.stats ?? null;
  const loading = insights.isPending;

  return (
    <div className="grid content-start gap-4">
      {data?.warnings.map((warning) => (
        <Alert key={warning} variant="warning">
          <TriangleAlert aria-hidden />
          <AlertDescription>{warning}</AlertDescription>
        </Alert>
      ))}
      <Card>
        <CardHeader>
          <CardTitle className="text-base">Audience</CardTitle>
          <CardDescription>
            {persona.segment ? (
              <>Live from the segment <Link className="text-primary hover:underline" href={`/segments/${persona.segment.id}`}>{persona.segment.name}</Link>.</>
            ) : "No segment bound yet."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-3">
          <div className="flex items-baseline text-3xl font-semibold tabular-nums" data-testid="persona-size">
            {loading ? <Skeleton className="h-9 w-28" label="Counting the audience" /> : stats ? stats.size.toLocaleString("en") : "—"}
            <span className="ml-2 text-sm font-normal text-muted-foreground">profiles right now</span>
          </div>
          {persona.segment && <SizeTrendChart snapshots={persona.segment.snapshots} />}
        </CardContent>
      </Card>

      {insights.error && <FormAlert message={`The audience could not be read: ${insights.error.message}`} />}

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Assumptions vs data</CardTitle>
          <CardDescription>Audience facts are exact; response rates carry noise, so a preference counts only when it is clear of it (95 %).</CardDescription>
        </CardHeader>
        <CardContent>{loading ? <Skeleton className="h-24" label="Checking assumptions" /> : <AssumptionVerdicts verdicts={data?.verdicts ?? []} />}</CardContent>
      </Card>

      {persona.children.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Sub-personas</CardTitle>
            <CardDescription>Each one narrows this audience; the share is of this persona&apos;s profiles.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y">
              {persona.children.map((child) => {
                const figures = data?.children.find((c) => c.id === child.id);
                return (
                  <li key={child.id} className="flex items-baseline justify-between gap-3 py-2 text-sm" aria-label={child.name}>
                    <span className="min-w-0">
                      <Link href={`/personas/${child.id}`} className="font-medium text-primary hover:underline">{child.name}</Link>
                      {child.summary && <span className="block truncate text-muted-foreground">{child.summary}</span>}
                    </span>
                    <span className="shrink-0 tabular-nums" data-testid={`share-${child.id}`}>
                      {figures ? `${figures.size.toLocaleString("en")} profiles · ${figures.share === null ? "—" : `${(figures.share * 100).toFixed(1)} % of ${persona.name}`}` : "…"}
                    </span>
                  </li>
                );
              })}
            </ul>
          </CardContent>
        </Card>
      )}

      {stats && stats.size > 0 && (
        <Card>
          <CardHeader>
            <CardTitle className="text-base">Who they really are</CardTitle>
            <CardDescription>Distributions of the {stats.size.toLocaleString("en")} profiles in the audience; each chart has its table one tab away.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-6 md:grid-cols-2">
            <DistributionChart title="Platform" distribution={stats.distributions.platform} size={stats.size} format={(v) => PLATFORMS[v] ?? v} />
            <DistributionChart title="Country" distribution={stats.distributions.country} size={stats.size} />
            <DistributionChart title="Locale" distribution={stats.distributions.locale} size={stats.size} />
            <DistributionChart title="Top categories" distribution={stats.distributions.favouriteCategory} size={stats.size} unknown="no favourite yet" />
            <DistributionChart title="Lifetime value" distribution={stats.distributions.ltv} size={stats.size} order={LTV_BUCKET_LABELS} />
            <DistributionChart title="Orders" distribution={stats.distributions.ordersCount} size={stats.size} order={ORDER_BUCKET_LABELS} />
            <DistributionChart title="Active hour (local time)" distribution={stats.distributions.activeHour} size={stats.size} order={HOURS} format={(h) => `${h} h`} columns />
            <ChannelResponseChart channels={stats.channels} />
          </CardContent>
        </Card>
      )}

      <Card>
        <CardHeader>
          <CardTitle className="text-base">Sample profiles</CardTitle>
        </CardHeader>
        <CardContent>
          {loading ? <Skeleton className="h-20" label="Loading sample profiles" /> : data?.sample.length ? (
            <SampleProfileList profiles={data.sample} detailed />
          ) : <p className="text-sm text-muted-foreground">{persona.segment ? "No one is in the audience right now." : "Bind a segment to see real customers here."}</p>}
        </CardContent>
      </Card>

      {data && data.flaggedTraits.length > 0 && (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2 text-base"><ShieldAlert className="size-4" aria-hidden /> Traits kept out of copy</CardTitle>
            <CardDescription>Flagged in the trait catalog: messages may not merge these in, even for this persona.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="grid gap-1.5 text-sm">
              {data.flaggedTraits.map((t) => (
                <li key={t.key} className="flex flex-wrap items-center gap-2">
                  <code className="rounded bg-muted px-1.5 py-0.5 text-xs">{t.key}</code>
                  <Badge variant={t.flag!.flag === "sensitive" ? "destructive" : "warning"}>{t.flag!.flag}</Badge>
                  {t.used && <Badge variant="outline">used by this persona&apos;s segment</Badge>}
                  {t.flag!.reason && <span className="text-muted-foreground">{t.flag!.reason}</span>}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
