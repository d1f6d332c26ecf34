"use client";

import Link from "next/link";
import { formatCount, formatMoney, formatPercent } from "@/components/charts/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CampaignRow } from "@/lib/analytics";
import { downloadCsv } from "@/components/charts/csv";
import { channelLabel } from "./delivery-series-chart";
import { MetricLabel } from "./metric-help";

export const TARGETING_LABELS: Record<string, string> = { mass: "Mass", segmented: "Segmented", triggered: "Triggered", unknown: "Unknown" };

/** The campaigns with the most deliveries in the range, each linking to its report. */
export function TopCampaignsTable({ campaigns, filename }: { campaigns: CampaignRow[]; filename: string }) {
  const header = ["campaign", "channel", "targeting", "delivered", "unique_opens", "unique_clickers", "converters", "open_rate", "ctr", "conversion_rate", "revenue_per_recipient"];
  const csvRows = campaigns.map((c) => [c.name, c.channel, c.targeting, c.totals.delivered, c.totals.uniqueOpens, c.totals.uniqueClickers, c.totals.converters, c.rates.openRate, c.rates.ctr, c.rates.conversionRate, c.rates.revenuePerRecipient]);
  return (
    <div className="space-y-2">
      <div className="flex justify-end">
        <Button type="button" variant="outline" size="sm" onClick={() => downloadCsv({ filename, header, rows: csvRows })} aria-label="Export top campaigns as CSV">
          CSV
        </Button>
      </div>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Campaign</TableHead>
            <TableHead>Channel</TableHead>
            <TableHead>Targeting</TableHead>
            <TableHead className="text-right">Delivered</TableHead>
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
              <TableCell>
                <Link href={`/reports/campaigns/${encodeURIComponent(c.id)}`} className="font-medium hover:underline">
                  {c.name}
                </Link>
                <div className="text-xs text-muted-foreground">{c.audience}</div>
              </TableCell>
              <TableCell>{channelLabel(c.channel)}</TableCell>
              <TableCell>
                <Badge variant="outline">{TARGETING_LABELS[c.targeting]}</Badge>
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatCount(c.totals.delivered)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatPercent(c.rates.openRate)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatPercent(c.rates.ctr)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatPercent(c.rates.conversionRate)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(c.rates.revenuePerRecipient)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
