"use client";

import { useQuery } from "@tanstack/react-query";
import { ShieldAlert, TriangleAlert } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { SampleProfileList } from "@/components/segments/sample-profile-list";
import { SizeTrendChart } from "@/components/segments/size-trend-chart";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { LTV_BUCKET_LABELS, ORDER_BUCKET_LABELS } from "@/lib/personas";
import type { PersonaDetail, PersonaInsights as Insights } from "@/lib/personas/server";
import { AssumptionVerdicts } from "./assumption-verdicts";
import { ChannelResponseChart } from "./channel-response-chart";
import { DistributionChart } from "./distribution-chart";
import { computingText, InsightStatus } from "./insight-status";
import { queryKeys } from "@/components/query-keys";

const HOURS = Array.from({ length: 24 }, (_, h) => String(h));
const PLATFORMS: Record<string, string> = { ios: "iOS", android: "Android", web: "Web" };
// While a computation runs the page asks again this often, and shows the new figures when they land.
const POLL_MS = 1_000;

function Panel({
  title,
  label = typeof title === "string" ? title : undefined,
  description,
  status,
  children,
}: {
  title: ReactNode;
  label?: string;
  description?: ReactNode;
  status?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-label={label}>
      <Card>
        <CardHeader>
          <CardTitle className="text-base">{title}</CardTitle>
          {description && <CardDescription>{description}</CardDescription>}
          {status}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </Card>
    </section>
  );
}

/**
 * The data side of the persona page. The size is counted live; everything else is the stored
 * computation (as of its time), read at once and refreshed in the background when stale. Each
 * panel waits for its own data behind a skeleton, so nothing slow holds up the page.
 */
export function PersonaInsights({ persona }: { persona: PersonaDetail }) {
  const size = useQuery({
    queryKey: queryKeys.personas.size(persona.id, persona.updatedAt),
    queryFn: ({ signal }) =>
      apiFetch<{ size: number | null; at: string }>(`/api/personas/${persona.id}/size`, { signal }),
    enabled: persona.segment !== null,
  });
  const insights = useQuery({
    queryKey: queryKeys.personas.insights(persona.id, persona.updatedAt),
    queryFn: ({ signal }) =>
      apiFetch<{ insights: Insights }>(`/api/personas/${persona.id}/insights`, { signal }).then((r) => r.insights),
    refetchInterval: (query) => (query.state.data?.computing ? POLL_MS : false),
    // A page left in another tab is up to date when the user comes back.
    refetchIntervalInBackground: true,
  });
  const data = insights.data;
  const stats = data?.stats ?? null;
  // No figures to show yet: still loading, or the first computation is running.
  const waiting = !data ? "Loading" : !data.asOf && data.computing ? computingText(data.computing) : null;
  const status = data && persona.segment ? <InsightStatus insights={data} /> : null;

  return (
    <div className="grid content-start gap-4">
      {data?.warnings.map((warning) => (
        <Alert key={warning} variant="warning">
          <TriangleAlert aria-hidden />
          <AlertDescription>{warning}</AlertDescription>
        </Alert>
      ))}
      <Panel
        title="Audience"
        description={
          persona.segment ? (
            <>
              Live from the segment{" "}
              <Link className="text-primary hover:underline" href={`/segments/${persona.segment.id}`}>
                {persona.segment.name}
              </Link>
              .
            </>
          ) : (
            "No segment bound yet."
          )
        }
      >
        <div className="grid gap-3">
          <output className="flex items-baseline text-3xl font-semibold tabular-nums" aria-label="Audience size">
            {size.isPending && persona.segment ? (
              <Skeleton className="h-9 w-28" label="Counting the audience" />
            ) : size.data?.size != null ? (
              size.data.size.toLocaleString("en")
            ) : (
              "—"
            )}
            <span className="ml-2 text-sm font-normal text-muted-foreground">profiles right now</span>
          </output>
          {size.error && <FormAlert message={`The audience could not be counted: ${size.error.message}`} />}
          {persona.segment && <SizeTrendChart snapshots={persona.segment.snapshots} />}
        </div>
      </Panel>

      {insights.error && <FormAlert message={`The audience figures could not be read: ${insights.error.message}`} />}

      <Panel
        title="Assumptions vs data"
        description={
          "Audience facts are exact; response rates carry noise, so a preference counts only when it " +
          "is clear of it (95 %)."
        }
        status={status}
      >
        {waiting ? (
          <Skeleton className="h-24" label={`Checking assumptions: ${waiting}`} />
        ) : (
          <AssumptionVerdicts verdicts={data?.verdicts ?? []} />
        )}
      </Panel>

      {persona.children.length > 0 && (
        <Panel
          title="Sub-personas"
          description="Each one narrows this audience; the share is of this persona's profiles."
          status={status}
        >
          <ul className="divide-y">
            {persona.children.map((child) => {
              const figures = data?.children.find((c) => c.id === child.id);
              return (
                <li
                  key={child.id}
                  className="flex items-baseline justify-between gap-3 py-2 text-sm"
                  aria-label={child.name}
                >
                  <span className="min-w-0">
                    <Link href={`/personas/${child.id}`} className="font-medium text-primary hover:underline">
                      {child.name}
                    </Link>
                    {child.summary && <span className="block truncate text-muted-foreground">{child.summary}</span>}
                  </span>
                  <div className="shrink-0 tabular-nums">
                    {figures ? (
                      `${figures.size.toLocaleString("en")} profiles · ` +
                      `${figures.share === null ? "—" : `${(figures.share * 100).toFixed(1)} % of ${persona.name}`}`
                    ) : data?.computing ? (
                      <Skeleton
                        className="h-4 w-40"
                        label={`Share of ${child.name}: ${computingText(data.computing)}`}
                      />
                    ) : !data ? (
                      <Skeleton className="h-4 w-40" label={`Share of ${child.name}: loading`} />
                    ) : (
                      "—"
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </Panel>
      )}

      {persona.segment && (waiting || (stats && stats.size > 0)) && (
        <Panel
          title="Who they really are"
          description={
            `Distributions of the ${stats ? `${stats.size.toLocaleString("en")} ` : ""}profiles in the ` +
            `audience; each chart has its table one tab away.`
          }
          status={status}
        >
          {waiting || !stats ? (
            <Skeleton className="h-64" label={`Distributions: ${waiting}`} />
          ) : (
            <div className="grid gap-6 md:grid-cols-2">
              <DistributionChart
                title="Platform"
                distribution={stats.distributions.platform}
                size={stats.size}
                format={(v) => PLATFORMS[v] ?? v}
              />
              <DistributionChart title="Country" distribution={stats.distributions.country} size={stats.size} />
              <DistributionChart title="Locale" distribution={stats.distributions.locale} size={stats.size} />
              <DistributionChart
                title="Top categories"
                distribution={stats.distributions.favouriteCategory}
                size={stats.size}
                unknown="no favourite yet"
              />
              <DistributionChart
                title="Lifetime value"
                distribution={stats.distributions.ltv}
                size={stats.size}
                order={LTV_BUCKET_LABELS}
              />
              <DistributionChart
                title="Orders"
                distribution={stats.distributions.ordersCount}
                size={stats.size}
                order={ORDER_BUCKET_LABELS}
              />
              <DistributionChart
                title="Active hour (local time)"
                distribution={stats.distributions.activeHour}
                size={stats.size}
                order={HOURS}
                format={(h) => `${h} h`}
                columns
              />
              <ChannelResponseChart channels={stats.channels} />
            </div>
          )}
        </Panel>
      )}

      <Panel title="Sample profiles" status={status}>
        {waiting ? (
          <Skeleton className="h-20" label={`Sample profiles: ${waiting}`} />
        ) : data?.sample.length ? (
          <SampleProfileList profiles={data.sample} detailed />
        ) : (
          <p className="text-sm text-muted-foreground">
            {persona.segment
              ? "No one was in the audience when the figures were computed."
              : "Bind a segment to see real customers here."}
          </p>
        )}
      </Panel>

      {data && data.flaggedTraits.length > 0 && (
        <Panel
          title={
            <span className="flex items-center gap-2">
              <ShieldAlert className="size-4" aria-hidden /> Traits kept out of copy
            </span>
          }
          label="Traits kept out of copy"
          description="Flagged in the trait catalog: messages may not merge these in, even for this persona."
        >
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
        </Panel>
      )}
    </div>
  );
}
