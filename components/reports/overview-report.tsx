"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { BarChart3 } from "lucide-react";
import Link from "next/link";
import { apiFetch } from "@/components/api-fetch";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { shortDay } from "@/components/charts/format";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import type { Cached, Overview } from "@/lib/analytics/server";
import { AsOf, refetchWhileRefreshing } from "./as-of";
import { overviewQuerySchema } from "@/lib/analytics";
import { DeliveryFunnelChart } from "./delivery-funnel-chart";
import { DeliverySeriesChart } from "./delivery-series-chart";
import { KpiCards } from "./kpi-cards";
import { RangePicker } from "./range-picker";
import { RateBreakdownChart } from "./rate-breakdown-chart";
import { ReportError } from "./report-error";
import { AttributionNote } from "./attribution-note";
import { ReportSection } from "./report-section";
import { TARGETING_LABELS, TopCampaignsTable } from "./top-campaigns-table";
import { useReportParams } from "./use-report-params";
import { queryKeys } from "@/components/query-keys";

const BREAKDOWN_DESCRIPTIONS = {
  persona: "By the recipient's persona when the campaign first reached them.",
  segment: "By the audience each campaign targeted: a segment, a persona, or everyone.",
  channel: "By the channel each campaign sent on; a stage a channel cannot measure reads —.",
} as const;

/** The overview dashboard: filters in the URL, every section from one cached report query. */
export function OverviewReport() {
  const { params, set } = useReportParams();
  const parsed = overviewQuerySchema.safeParse(params);
  const query = parsed.success ? parsed.data : overviewQuerySchema.parse({});
  const qs = new URLSearchParams(
    Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
  ).toString();
  const { data, error, isPending, isFetching } = useQuery({
    queryKey: queryKeys.reports.overview(qs),
    queryFn: () => apiFetch<Cached<Overview>>(`/api/reports/overview?${qs}`),
    placeholderData: keepPreviousData,
    refetchInterval: refetchWhileRefreshing,
  });
  const file = (name: string) => `${name}-${data?.range.from ?? ""}-${data?.range.to ?? ""}`;

  return (
    <div className="space-y-6" aria-busy={isFetching}>
      <div className="flex flex-wrap items-end gap-3">
        <RangePicker range={query.range} from={query.from} to={query.to} onChange={(patch) => set(patch)} />
        <label className="grid gap-1 text-xs font-medium">
          Compare with
          <NativeSelect value={query.compare} onChange={(e) => set({ compare: e.target.value })} className="w-40">
            <option value="previous">Previous period</option>
            <option value="none">No comparison</option>
          </NativeSelect>
        </label>
        <label className="grid gap-1 text-xs font-medium">
          Time series per
          <NativeSelect value={query.interval} onChange={(e) => set({ interval: e.target.value })} className="w-28">
            <option value="day">Day</option>
            <option value="week">Week</option>
          </NativeSelect>
        </label>
        {data && (
          <p className="pb-1.5 text-xs text-muted-foreground">
            {shortDay(data.range.from)} – {shortDay(data.range.to)} (UTC)
            {data.compareRange && (
              <>
                {" "}
                vs {shortDay(data.compareRange.from)} – {shortDay(data.compareRange.to)}
              </>
            )}
          </p>
        )}
        <AsOf cache={data?.cache} />
      </div>
      <AttributionNote />
      {error && <ReportError error={error} />}
      {isPending ? (
        <div className="space-y-4">
          <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
            {Array.from({ length: 5 }, (_, i) => (
              <Skeleton key={i} className="h-28" label={i === 0 ? "Loading the overview…" : ""} aria-hidden={i > 0} />
            ))}
          </div>
          <ChartSkeleton label="Loading the delivery funnel…" />
        </div>
      ) : data && data.current.totals.sent === 0 && data.current.totals.delivered === 0 ? (
        <EmptyState
          icon={BarChart3}
          title="No messages in this range"
          description={
            "The overview counts what campaigns sent, and what recipients then opened, clicked and " +
            "bought. Pick a longer range, or launch a campaign — its numbers appear here as soon as the " +
            "first messages go out."
          }
          action={
            <div className="flex gap-2">
              <Button variant="outline" onClick={() => set({ range: "90d", from: undefined, to: undefined })}>
                Show the last 90 days
              </Button>
              <Button asChild>
                <Link href="/campaigns">Go to campaigns</Link>
              </Button>
            </div>
          }
        />
      ) : (
        data && (
          <>
            <KpiCards current={data.current} previous={data.previous} currency={data.currency} />
            <div className="grid gap-4 xl:grid-cols-2">
              <ReportSection
                title="Delivery funnel"
                description={
                  "Sent and delivered count the range's messages; recipients and later steps count each " +
                  "profile they reached once per campaign."
                }
              >
                <DeliveryFunnelChart
                  totals={data.current.totals}
                  previous={data.previous?.totals}
                  filename={file("delivery-funnel")}
                />
              </ReportSection>
              <ReportSection
                title="Over time"
                description={
                  "Counts by the day the messages were sent (UTC), by channel: a click today on last week's " +
                  "message counts last week."
                }
              >
                <DeliverySeriesChart
                  buckets={data.buckets}
                  channels={data.channels}
                  series={data.series}
                  interval={data.interval}
                  filename={file("messages-over-time")}
                />
              </ReportSection>
            </div>
            <div className="grid gap-4 xl:grid-cols-2">
              <ReportSection
                title="Segmented vs mass sends"
                description={
                  "Relevance over volume: sends to a segment or persona against sends to everyone, and " +
                  "triggered sends."
                }
              >
                <RateBreakdownChart
                  rows={data.byTargeting.map((t) => ({
                    ...t,
                    key: t.targeting,
                    label: `${TARGETING_LABELS[t.targeting]} (${t.campaigns} campaign${t.campaigns === 1 ? "" : "s"})`,
                  }))}
                  dimension="targeting"
                  showAs="Show segmented vs mass as"
                  filename={file("segmented-vs-mass")}
                  currency={data.currency}
                />
              </ReportSection>
              <ReportSection title="Breakdown" description={BREAKDOWN_DESCRIPTIONS[data.breakdown.kind]}>
                <div className="mb-3">
                  <label className="inline-flex items-center gap-2 text-xs font-medium">
                    Break down by
                    <NativeSelect
                      value={query.breakdown}
                      onChange={(e) => set({ breakdown: e.target.value })}
                      className="w-36"
                    >
                      <option value="persona">Persona</option>
                      <option value="segment">Segment</option>
                      <option value="channel">Channel</option>
                    </NativeSelect>
                  </label>
                </div>
                {data.breakdown.rows.length === 0 ? (
                  <p className="text-sm text-muted-foreground">Nothing to break down in this range.</p>
                ) : (
                  <RateBreakdownChart
                    rows={data.breakdown.rows}
                    dimension={data.breakdown.kind}
                    showAs={`Show breakdown by ${data.breakdown.kind} as`}
                    filename={file(`by-${data.breakdown.kind}`)}
                    currency={data.currency}
                  />
                )}
              </ReportSection>
            </div>
            <ReportSection
              title="Top campaigns"
              description="Most recipients among the range's sends; open one for its full report."
            >
              <TopCampaignsTable
                campaigns={data.topCampaigns}
                filename={file("top-campaigns")}
                currency={data.currency}
              />
            </ReportSection>
          </>
        )
      )}
    </div>
  );
}
