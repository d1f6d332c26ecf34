"use client";

import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import { formatCount, formatMoney, formatPercent } from "@/components/charts/format";
import { SeriesLegend, useHiddenSeries } from "@/components/charts/series-legend";
import type { TotalsWithRates } from "@/lib/analytics";
import { METRIC_DEFINITIONS } from "@/lib/analytics/metrics";

export type RateRow = TotalsWithRates & { key: string; label: string };

const SERIES = [
  { key: "openRate", label: METRIC_DEFINITIONS.openRate.label, index: 0 },
  { key: "ctr", label: METRIC_DEFINITIONS.ctr.label, index: 1 },
  { key: "conversionRate", label: METRIC_DEFINITIONS.conversionRate.label, index: 2 },
];

/** Rates per group (persona, audience, variant, channel, targeting) as bars, with a table twin of every count behind them. */
export function RateBreakdownChart({ rows, dimension, showAs, filename, summary }: { rows: RateRow[]; dimension: string; showAs: string; filename: string; summary?: React.ReactNode }) {
  const { hidden, toggle } = useHiddenSeries();

  const data = rows.map((r) => ({ label: r.label, openRate: r.rates.openRate, ctr: r.rates.ctr, conversionRate: r.rates.conversionRate }));
  return (
    <ChartWithTable
      showAs={showAs}
      summary={summary ?? <span>{rows.length} {rows.length === 1 ? "group" : "groups"}</span>}
      toolbar={<SeriesLegend shape="square" label="Rates shown" series={SERIES} hidden={hidden} onToggle={toggle} />}
      csv={{
        filename,
        header: [dimension, "delivered", "unique_opens", "unique_clickers", "converters", "unsubscribed", "revenue", "open_rate", "ctr", "conversion_rate", "unsubscribe_rate", "revenue_per_recipient"],
        rows: rows.map((r) => [r.label, r.totals.delivered, r.totals.uniqueOpens, r.totals.uniqueClickers, r.totals.converters, r.totals.unsubscribed, r.totals.revenue, r.rates.openRate, r.rates.ctr, r.rates.conversionRate, r.rates.unsubscribeRate, r.rates.revenuePerRecipient]),
      }}
      columns={[
        { header: dimension },
        { header: "Delivered", numeric: true },
        { header: "Unique opens", numeric: true },
        { header: "Unique clickers", numeric: true },
        { header: "Converters", numeric: true },
        { header: SERIES[1]!.label, numeric: true },
        { header: SERIES[2]!.label, numeric: true },
        { header: "Unsubscribe rate", numeric: true },
        { header: "Revenue / recipient", numeric: true },
      ]}
      rows={rows.map((r) => ({
        key: r.key,
        cells: [r.label, formatCount(r.totals.delivered), formatCount(r.totals.uniqueOpens), formatCount(r.totals.uniqueClickers), formatCount(r.totals.converters), formatPercent(r.rates.ctr), formatPercent(r.rates.conversionRate), formatPercent(r.rates.unsubscribeRate), formatMoney(r.rates.revenuePerRecipient)],
      }))}
      height="h-72"
      chart={<BarListChart data={data} categoryKey="label" series={SERIES} hidden={hidden} format={(v) => formatPercent(v)} label={`${showAs.replace(/^Show /, "").replace(/ as$/, "")}: ${rows.map((r) => `${r.label} CTR ${formatPercent(r.rates.ctr)}`).join(", ")}`} rowHeight={28} />}
    />
  );
}
