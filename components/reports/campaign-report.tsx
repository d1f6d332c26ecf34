"use client";

import { useQuery } from "@tanstack/react-query";
import { Link2, Megaphone } from "lucide-react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { ChartSkeleton } from "@/components/charts/chart-skeleton";
import { downloadCsv } from "@/components/charts/csv";
import { formatCount, formatDuration, formatPercent, shortDay } from "@/components/charts/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Cached, CampaignReport as Report } from "@/lib/analytics/server";
import { AsOf, refetchWhileRefreshing } from "./as-of";
import { DeliveryFunnelChart } from "./delivery-funnel-chart";
import { channelLabel } from "@/lib/templates";
import { DeliverySeriesChart } from "./delivery-series-chart";
import { KpiCards } from "./kpi-cards";
import { RateBreakdownChart } from "./rate-breakdown-chart";
import { ReportError } from "./report-error";
import { ReportSection } from "./report-section";
import { TARGETING_LABELS } from "./top-campaigns-table";
import { queryKeys } from "@/components/query-keys";

const SKIP_LABELS: Record<string, string> = {
  no_consent: "No consent for the channel",
  no_address: "No address for the channel",
  frequency_cap: "Frequency cap reached",
  quiet_hours: "Quiet hours",
  unsubscribed: "Unsubscribed",
  render_error: "Template could not render",
};

/**
 * One campaign's report since launch. Self-contained (fetches its own data by id), so the campaign
 * page can embed it as well as /reports/campaigns/[id] mounting it.
 */
export function CampaignReport({ campaignId }: { campaignId: string }) {
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.reports.campaign(campaignId),
    queryFn: () => apiFetch<Cached<Report>>(`/api/reports/campaigns/${encodeURIComponent(campaignId)}`),
    refetchInterval: refetchWhileRefreshing,
  });
  if (isPending) return <ChartSkeleton label="Loading the campaign report…" className="h-72" />;
  if (error)
    return error instanceof ApiError && error.status === 404 ? (
      <EmptyState
        icon={Megaphone}
        title="No such campaign"
        description="It may have been deleted. The overview lists every campaign that sent in a range."
      />
    ) : (
      <ReportError error={error} />
    );
  const file = (name: string) => `${data.campaign.id}-${name}`;
  const sentAnything = data.current.totals.sent > 0 || data.current.totals.delivered > 0;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        <Badge variant="outline">{channelLabel(data.campaign.channel)}</Badge>
        <Badge variant="outline">{TARGETING_LABELS[data.campaign.targeting]}</Badge>
        <span>{data.campaign.audience}</span>
        <span>
          ·{" "}
          {data.campaign.launchedAt
            ? `launched ${shortDay(data.campaign.launchedAt.slice(0, 10))}`
            : "not launched yet"}
        </span>
        <span>
          · conversion = {data.campaign.goalEvent} within {formatDuration(data.campaign.attributionHours * 3600)} of
          delivery
        </span>
        <AsOf cache={data.cache} />
      </div>
      {!sentAnything && data.skipReasons.length === 0 ? (
        <EmptyState
          icon={Megaphone}
          title="Nothing sent yet"
          description={
            "Once the campaign sends, this report shows its funnel, the rates of each variant, channel " +
            "and persona, the days since launch, why some profiles were skipped, and which links people " +
            "clicked."
          }
        />
      ) : (
        <>
          <KpiCards current={data.current} previous={null} currency={data.currency} />
          <div className="grid gap-4 xl:grid-cols-2">
            <ReportSection title="Delivery funnel">
              <DeliveryFunnelChart totals={data.current.totals} filename={file("funnel")} />
            </ReportSection>
            <ReportSection title="Since launch" description="Counts by the day the messages were sent (UTC).">
              <DeliverySeriesChart
                buckets={data.buckets}
                channels={[...new Set(data.series.map((s) => s.channel))]}
                series={data.series}
                interval="day"
                filename={file("days")}
              />
            </ReportSection>
          </div>
          <div className="grid gap-4 xl:grid-cols-2">
            {data.byVariant.length > 0 && (
              <ReportSection
                title="By variant"
                description="Each experiment arm that was sent (the holdout gets nothing, so it has no row here)."
              >
                <RateBreakdownChart
                  rows={data.byVariant.map((v) => ({ ...v, key: v.variant, label: `Variant ${v.variant}` }))}
                  dimension="variant"
                  showAs="Show rates by variant as"
                  filename={file("variants")}
                  currency={data.currency}
                />
              </ReportSection>
            )}
            <ReportSection title="By channel">
              <RateBreakdownChart
                rows={data.byChannel.map((c) => ({ ...c, key: c.channel, label: channelLabel(c.channel) }))}
                dimension="channel"
                showAs="Show rates by channel as"
                filename={file("channels")}
                currency={data.currency}
              />
            </ReportSection>
            <ReportSection
              title="By persona"
              description="By the recipient's persona when the campaign first reached them."
            >
              <RateBreakdownChart
                rows={data.byPersona}
                dimension="persona"
                showAs="Show rates by persona as"
                filename={file("personas")}
                currency={data.currency}
              />
            </ReportSection>
            <ReportSection title="Skip reasons" description="Profiles the policy did not send to, and why.">
              {data.skipReasons.length === 0 ? (
                <p className="text-sm text-muted-foreground">
                  No profile was skipped. Skips appear here when consent, a frequency cap, quiet hours or a missing
                  address stop a send.
                </p>
              ) : (
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Reason</TableHead>
                      <TableHead className="text-right">Profiles</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.skipReasons.map((s) => (
                      <TableRow key={s.reason}>
                        <TableCell>{SKIP_LABELS[s.reason] ?? s.reason}</TableCell>
                        <TableCell className="text-right tabular-nums">{formatCount(s.count)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </ReportSection>
          </div>
          <ReportSection title="Top clicked links">
            {data.topLinks.length === 0 ? (
              <EmptyState
                icon={Link2}
                title="No clicks yet"
                description={
                  "Tracked links in the message appear here with their clicks and unique clickers once " +
                  "recipients click them."
                }
              />
            ) : (
              <div className="space-y-2">
                <div className="flex justify-end">
                  <Button
                    size="sm"
                    variant="outline"
                    aria-label="Export top clicked links as CSV"
                    onClick={() =>
                      downloadCsv({
                        filename: file("links"),
                        header: ["url", "clicks", "unique_clickers"],
                        rows: data.topLinks.map((l) => [l.url, l.clicks, l.clickers]),
                      })
                    }
                  >
                    CSV
                  </Button>
                </div>
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Link</TableHead>
                      <TableHead className="text-right">Clicks</TableHead>
                      <TableHead className="text-right">Unique clickers</TableHead>
                      <TableHead className="text-right">Share of clicks</TableHead>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {data.topLinks.map((l) => (
                      <TableRow key={l.url}>
                        <TableCell className="max-w-md truncate font-mono text-xs">{l.url}</TableCell>
                        <TableCell className="text-right tabular-nums">{formatCount(l.clicks)}</TableCell>
                        <TableCell className="text-right tabular-nums">{formatCount(l.clickers)}</TableCell>
                        <TableCell className="text-right tabular-nums">
                          {formatPercent(data.current.totals.clicks > 0 ? l.clicks / data.current.totals.clicks : null)}
                        </TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            )}
          </ReportSection>
        </>
      )}
    </div>
  );
}
