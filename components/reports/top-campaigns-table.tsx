"use client";

import Link from "next/link";
import { formatCount } from "@/components/charts/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CampaignRow } from "@/lib/analytics/server";
import { rateEstimate } from "@/lib/analytics";
import { formatMoney } from "@/lib/workspace";
import { downloadCsv } from "@/components/charts/csv";
import { channelLabel } from "@/lib/templates";
import { MetricLabel } from "./metric-help";
import { RateCell } from "./rate-cell";

export const TARGETING_LABELS: Record<string, string> = {
  mass: "Mass",
  segmented: "Segmented",
  triggered: "Triggered",
  unknown: "Unknown",
};

/**
 * The campaigns with the most deliveries among the range's sends, each linking to its report; every rate over its own
 * recipients.
 */
export function TopCampaignsTable({
  campaigns,
  filename,
  currency,
}: {
  campaigns: CampaignRow[];
  filename: string;
  currency: string;
}) {
  const header = [
    "campaign",
    "channel",
    "targeting",
    "sent",
    "delivered",
    "recipients",
    "unique_opens",
    "unique_clickers",
    "converters",
    "open_rate",
    "ctr",
    "conversion_rate",
    "revenue_per_recipient",
  ];
  const csvRows = campaigns.map((c) => [
    c.name,
    c.channel,
    c.targeting,
    c.totals.sent,
    c.totals.delivered,
    c.totals.recipients,
    c.totals.uniqueOpens,
    c.totals.uniqueClickers,
    c.totals.converters,
    c.rates.openRate,
    c.rates.ctr,
    c.rates.conversionRate,
    c.rates.revenuePerRecipient,
  ]);
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => downloadCsv({ filename, header, rows: csvRows })}
          aria-label="Export top campaigns as CSV"
        >
          CSV
        </Button>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Campaign</TableHead>
            <TableHead className="text-right">Recipients</TableHead>
            <TableHead className="text-right">
              <MetricLabel metric="openRate" />
            </TableHead>
            <TableHead className="text-right">
              <MetricLabel metric="ctr" />
            </TableHead>
            <TableHead className="text-right">
              <MetricLabel metric="conversionRate" label="Conversion" />
            </TableHead>
            <TableHead className="text-right">
              <MetricLabel metric="revenuePerRecipient" label="Rev. / recipient" />
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {campaigns.map((c) => (
            <TableRow key={c.id}>
              <TableCell className="[overflow-wrap:anywhere]">
                <Link href={`/reports/campaigns/${encodeURIComponent(c.id)}`} className="font-medium hover:underline">
                  {c.name}
                </Link>
                {/* Channel and targeting under the name: the rates keep their columns in view at 1024 px. */}
                <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                  <span>{channelLabel(c.channel)}</span>
                  <Badge variant="outline">{TARGETING_LABELS[c.targeting]}</Badge>
                  <span>{c.audience}</span>
                </div>
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(c.totals.recipients)}</TableCell>
              <TableCell className="text-right tabular-nums">
                <RateCell rate={rateEstimate(c.totals, "openRate")} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <RateCell rate={rateEstimate(c.totals, "ctr")} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                <RateCell rate={rateEstimate(c.totals, "conversionRate")} />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatMoney(c.rates.revenuePerRecipient, currency)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
