"use client";

import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import { formatCount, formatPercent } from "@/components/charts/format";
import { SeriesLegend, useHiddenSeries } from "@/components/charts/series-legend";
import type { TotalsWithRates } from "@/lib/analytics/server";
import { METRIC_DEFINITIONS, type ProportionKey, rateEstimate, MIN_RATE_N } from "@/lib/analytics";
import { formatMoney } from "@/lib/workspace";
import { describeRate, RateCell } from "./rate-cell";

export type RateRow = TotalsWithRates & { key: string; label: string };

const SERIES: { key: ProportionKey; label: string; index: number }[] = [
  { key: "openRate", label: METRIC_DEFINITIONS.openRate.label, index: 0 },
  { key: "ctr", label: METRIC_DEFINITIONS.ctr.label, index: 1 },
  { key: "conversionRate", label: METRIC_DEFINITIONS.conversionRate.label, index: 2 },
];

/**
 * Per-profile rates per group (persona, audience, channel, variant, targeting) as bars, with a table
 * twin of every numerator and denominator. A rate whose group has fewer than MIN_RATE_N profiles to
 * divide by is not drawn: its bar reads "too few (n = …)"; the tooltip gives each rate's 95 % interval.
 */
export function RateBreakdownChart({
  rows,
  dimension,
  showAs,
  filename,
  currency,
  summary,
}: {
  rows: RateRow[];
  dimension: string;
  showAs: string;
  filename: string;
  currency: string;
  summary?: React.ReactNode;
}) {
  const { hidden, toggle } = useHiddenSeries();
  const data = rows.map((r) => {
    const row: Record<string, unknown> = { label: r.label };
    for (const s of SERIES) {
      const estimate = rateEstimate(r.totals, s.key);
      row[s.key] = estimate.tooFew || estimate.value === null ? 0 : estimate.value;
      row[`${s.key}:estimate`] = estimate;
    }
    return row;
  });
  const estimateOf = (row: Record<string, unknown>, key: string) =>
    row[`${key}:estimate`] as ReturnType<typeof rateEstimate>;
  const tooFew = rows.filter((r) => r.totals.recipients < MIN_RATE_N).length;
  // A group too small for any rate says so beside its name: its bars are not drawn.
  const notes = new Map(
    rows
      .filter((r) => r.totals.recipients < MIN_RATE_N)
      .map((r) => [r.label, `too few (n = ${formatCount(r.totals.recipients)})`]),
  );
  return (
    <ChartWithTable
      showAs={showAs}
      summary={
        summary ?? (
          <span>
            {rows.length} {rows.length === 1 ? "group" : "groups"}
            {tooFew > 0 && ` · ${tooFew} with fewer than ${MIN_RATE_N} recipients not drawn`}
          </span>
        )
      }
      toolbar={<SeriesLegend shape="square" label="Rates shown" series={SERIES} hidden={hidden} onToggle={toggle} />}
      csv={{
        filename,
        header: [
          dimension,
          "sent",
          "delivered",
          "recipients",
          "recipients_measuring_opens",
          "unique_opens",
          "recipients_measuring_clicks",
          "unique_clickers",
          "converters",
          "unsubscribed",
          "revenue",
          "open_rate",
          "ctr",
          "conversion_rate",
          "unsubscribe_rate",
          "revenue_per_recipient",
        ],
        rows: rows.map((r) => [
          r.label,
          r.totals.sent,
          r.totals.delivered,
          r.totals.recipients,
          r.totals.openableRecipients,
          r.totals.uniqueOpens,
          r.totals.clickableRecipients,
          r.totals.uniqueClickers,
          r.totals.converters,
          r.totals.unsubscribed,
          r.totals.revenue,
          r.rates.openRate,
          r.rates.ctr,
          r.rates.conversionRate,
          r.rates.unsubscribeRate,
          r.rates.revenuePerRecipient,
        ]),
      }}
      columns={[
        { header: dimension },
        { header: "Recipients", numeric: true },
        ...SERIES.map((s) => ({ header: s.label, numeric: true })),
        { header: "Unsubscribe rate", numeric: true },
        { header: "Revenue / recipient", numeric: true },
      ]}
      rows={rows.map((r) => ({
        key: r.key,
        cells: [
          r.label,
          formatCount(r.totals.recipients),
          ...SERIES.map((s) => <RateCell key={s.key} rate={rateEstimate(r.totals, s.key)} />),
          <RateCell key="unsubscribe" rate={rateEstimate(r.totals, "unsubscribeRate")} unit="messages" />,
          formatMoney(r.rates.revenuePerRecipient, currency),
        ],
      }))}
      height="h-72"
      chart={
        <BarListChart
          data={data}
          categoryKey="label"
          series={SERIES}
          hidden={hidden}
          format={(v) => formatPercent(v)}
          describe={(row, key, long) => describeRate(estimateOf(row, key), long)}
          notes={notes}
          label={
            `${showAs.replace(/^Show /, "").replace(/ as$/, "")}: ` +
            `${rows.map((r) => `${r.label} CTR ${describeRate(rateEstimate(r.totals, "ctr"), false)}`).join(", ")}`
          }
          rowHeight={28}
        />
      }
    />
  );
}
