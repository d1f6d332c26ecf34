"use client";

import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import { formatCount, formatMoney, formatPercent } from "@/components/charts/format";
import { SeriesLegend, useHiddenSeries } from "@/components/charts/series-legend";
import type { TotalsWithRates } from "@/lib/analytics";
import { METRIC_DEFINITIONS } from "@/lib/analytics/metrics";

export type RateRow = TotalsWithRates & { key: string; label: string };

/**
 * Rates per group (persona, audience, variant, channel, targeting) as bars, with a table twin of
 * every count behind them. `messageLevel`: the rows come from MessageDaily, so opens, clicks and
 * conversions are message events and the rates are message-level (said in the summary).
 */
export function RateBreakdownChart({ rows, dimension, showAs, filename, messageLevel = false, summary }: { rows: RateRow[]; dimension: string; showAs: string; filename: string; messageLevel?: boolean; summary?: React.ReactNode }) {
  const { hidden, toggle } = useHiddenSeries();
  const series = messageLevel
    ? [
        { key: "openRate", label: "Opens / delivered", index: 0 },
        { key: "ctr", label: "Clicks / delivered", index: 1 },
        { key: "conversionRate", label: "Conversions / delivered", index: 2 },
      ]
    : [
        { key: "openRate", label: METRIC_DEFINITIONS.openRate.label, index: 0 },
        { key: "ctr", label: METRIC_DEFINITIONS.ctr.label, index: 1 },
        { key: "conversionRate", label: METRIC_DEFINITIONS.conversionRate.label, index: 2 },
      ];
  const data = rows.map((r) => ({ label: r.label, openRate: r.rates.openRate, ctr: r.rates.ctr, conversionRate: r.rates.conversionRate }));
  return (
    <ChartWithTable
      showAs={showAs}
      summary={summary ?? <span>{rows.length} {rows.length === 1 ? "group" : "groups"}</span>}
      toolbar={<SeriesLegend shape="square" label="Rates shown" series={series} hidden={hidden} onToggle={toggle} />}
      csv={{
        filename,
        header: [dimension, "delivered", messageLevel ? "opens" : "unique_opens", messageLevel ? "clicks" : "unique_clickers", messageLevel ? "conversions" : "converters", "unsubscribed", "revenue", "open_rate", "ctr", "conversion_rate", "unsubscribe_rate", "revenue_per_recipient"],
        rows: rows.map((r) => [r.label, r.totals.delivered, r.totals.uniqueOpens, r.totals.uniqueClickers, r.totals.converters, r.totals.unsubscribed, r.totals.revenue, r.rates.openRate, r.rates.ctr, r.rates.conversionRate, r.rates.unsubscribeRate, r.rates.revenuePerRecipient]),
      }}
      columns={[
        { header: dimension },
        { header: "Delivered", numeric: true },
        { header: messageLevel ? "Opens" : "Unique opens", numeric: true },
        { header: messageLevel ? "Clicks" : "Unique clickers", numeric: true },
        { header: messageLevel ? "Conversions" : "Converters", numeric: true },
        { header: series[1]!.label, numeric: true },
        { header: series[2]!.label, numeric: true },
        { header: "Unsubscribe rate", numeric: true },
        { header: "Revenue / recipient", numeric: true },
      ]}
      rows={rows.map((r) => ({
        key: r.key,
        cells: [r.label, formatCount(r.totals.delivered), formatCount(r.totals.uniqueOpens), formatCount(r.totals.uniqueClickers), formatCount(r.totals.converters), formatPercent(r.rates.ctr), formatPercent(r.rates.conversionRate), formatPercent(r.rates.unsubscribeRate), formatMoney(r.rates.revenuePerRecipient)],
      }))}
      height="h-72"
      chart={<BarListChart data={data} categoryKey="label" series={series} hidden={hidden} format={(v) => formatPercent(v)} label={`${showAs.replace(/^Show /, "").replace(/ as$/, "")}: ${rows.map((r) => `${r.label} CTR ${formatPercent(r.rates.ctr)}`).join(", ")}`} rowHeight={28} />}
    />
  );
}
