"use client";

import { ChartWithTable } from "@/components/charts/chart-with-table";
import { formatCount, formatPercent } from "@/components/charts/format";
import { LineSeriesChart } from "@/components/charts/line-series-chart";
import { SeriesLegend, useHiddenSeries } from "@/components/charts/series-legend";
import type { RetentionPoint } from "@/lib/analytics/server";

export type Curve = { key: string; label: string; points: RetentionPoint[] };

const interval = (p: RetentionPoint | undefined) =>
  p?.interval ? `${formatPercent(p.interval.low)}–${formatPercent(p.interval.high)}` : "—";
const rate = (p: RetentionPoint | undefined) =>
  !p || p.eligible === 0 ? "—" : p.tooFew ? `too few (n = ${formatCount(p.eligible)})` : formatPercent(p.rate);
/** What a point's tooltip adds to its rate: its n and 95 % interval, or why it is not drawn. */
const detail = (p: RetentionPoint | undefined) =>
  !p || p.eligible === 0
    ? "no period over yet"
    : p.tooFew
      ? `too few: n = ${formatCount(p.eligible)}`
      : `n = ${formatCount(p.eligible)}, 95 % CI ${interval(p)}`;

/**
 * Retention(k) per curve (all cohorts together, or exposed vs holdout), with its table twin. A point
 * with fewer eligible profiles than the minimum is not drawn: the line breaks there and the tooltip
 * and the table say "too few" with its n.
 */
export function RetentionCurveChart({
  curves,
  period,
  showAs,
  filename,
  summary,
}: {
  curves: Curve[];
  period: "day" | "week";
  showAs: string;
  filename: string;
  summary: React.ReactNode;
}) {
  const { hidden, toggle } = useHiddenSeries();
  const unit = period === "week" ? "Week" : "Day";
  const series = curves.map((c, i) => ({ key: c.key, label: c.label, index: i }));
  const ks = curves[0]?.points.map((p) => p.k) ?? [];
  const data = ks.map((k) => {
    const row: Record<string, string | number | null> = { k: `${unit} ${k}`, period: k };
    for (const c of curves) row[c.key] = c.points[k]?.rate ?? null;
    return row;
  });
  return (
    <ChartWithTable
      showAs={showAs}
      summary={summary}
      toolbar={
        curves.length > 1 ? (
          <SeriesLegend label="Curves shown" series={series} hidden={hidden} onToggle={toggle} />
        ) : undefined
      }
      csv={{
        filename,
        header: [
          "period",
          ...curves.flatMap((c) => [
            `${c.key}_rate`,
            `${c.key}_low`,
            `${c.key}_high`,
            `${c.key}_active`,
            `${c.key}_eligible`,
          ]),
        ],
        rows: ks.map((k) => [
          k,
          ...curves.flatMap((c) => [
            c.points[k]?.rate ?? null,
            c.points[k]?.interval?.low ?? null,
            c.points[k]?.interval?.high ?? null,
            c.points[k]?.active ?? 0,
            c.points[k]?.eligible ?? 0,
          ]),
        ]),
      }}
      columns={[
        { header: "Period" },
        ...curves.flatMap((c) => [
          { header: `${c.label}: retention`, numeric: true },
          { header: `${c.label}: 95 % interval`, numeric: true },
          { header: `${c.label}: active / eligible`, numeric: true },
        ]),
      ]}
      rows={ks.map((k) => ({
        key: String(k),
        cells: [
          `${unit} ${k}`,
          ...curves.flatMap((c) => [
            rate(c.points[k]),
            interval(c.points[k]),
            `${formatCount(c.points[k]?.active ?? 0)} / ${formatCount(c.points[k]?.eligible ?? 0)}`,
          ]),
        ],
      }))}
      height="h-64"
      chart={
        <LineSeriesChart
          data={data}
          xKey="k"
          series={series}
          hidden={hidden}
          formatY={(v) => formatPercent(v, 0)}
          yDomain={[0, 1]}
          tooltipDetail={(key, row) => detail(curves.find((c) => c.key === key)?.points[Number(row.period)])}
          label={
            `${showAs.replace(/^Show /, "").replace(/ as$/, "")}: ` +
            `${curves.map((c) => `${c.label} ${unit.toLowerCase()} 1 ${rate(c.points[1])}`).join(", ")}`
          }
        />
      }
    />
  );
}
