"use client";

import { useState } from "react";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import { formatCount, shortDay } from "@/components/charts/format";
import { LineSeriesChart } from "@/components/charts/line-series-chart";
import { SeriesLegend, useHiddenSeries } from "@/components/charts/series-legend";
import { NativeSelect } from "@/components/ui/native-select";
import type { SeriesPoint } from "@/lib/analytics/server";
import { measures } from "@/lib/analytics";
import { channelLabel } from "@/lib/templates";

const METRICS = [
  { key: "sent", label: "Sent" },
  { key: "delivered", label: "Delivered" },
  { key: "opens", label: "Opens" },
  { key: "clicks", label: "Clicks" },
  { key: "conversions", label: "Conversions" },
] as const;
type Metric = (typeof METRICS)[number]["key"];

/**
 * What the messages sent each day or week became, one line per channel (MessageDaily: every event
 * counts on its message's send day). Counts only — no rate mixes two populations here. A channel that
 * cannot measure a stage (SMS opens) shows "—" and no line for it.
 */
export function DeliverySeriesChart({
  buckets,
  channels,
  series,
  interval,
  filename,
}: {
  buckets: string[];
  channels: string[];
  series: SeriesPoint[];
  interval: "day" | "week";
  filename: string;
}) {
  const [metric, setMetric] = useState<Metric>("delivered");
  const { hidden, toggle } = useHiddenSeries();
  const lines = channels.map((c, i) => ({ key: c, label: channelLabel(c), index: i }));
  const unmeasured = (channel: string) =>
    (metric === "opens" && !measures(channel, "opens")) || (metric === "clicks" && !measures(channel, "clicks"));
  const data = buckets.map((bucket) => {
    const row: Record<string, string | number | null> = { bucket };
    for (const c of channels)
      row[c] = unmeasured(c) ? null : (series.find((s) => s.bucket === bucket && s.channel === c)?.[metric] ?? 0);
    return row;
  });
  const metricLabel = METRICS.find((m) => m.key === metric)!.label;
  const total = data.reduce((s, r) => s + channels.reduce((t, c) => t + Number(r[c] ?? 0), 0), 0);
  const x = (b: string) => (interval === "week" ? `Week of ${shortDay(b)}` : shortDay(b));
  return (
    <ChartWithTable
      showAs="Show messages over time as"
      summary={
        <label className="inline-flex items-center gap-2">
          <span className="sr-only">Metric</span>
          <NativeSelect
            aria-label="Metric over time"
            value={metric}
            onChange={(e) => setMetric(e.target.value as Metric)}
            className="w-36"
          >
            {METRICS.map((m) => (
              <option key={m.key} value={m.key}>
                {m.label}
              </option>
            ))}
          </NativeSelect>
          <span>
            <span className="font-medium text-foreground">{formatCount(total)}</span> {metricLabel.toLowerCase()} of the
            messages sent each {interval}, by channel
          </span>
        </label>
      }
      toolbar={<SeriesLegend label="Channels shown" series={lines} hidden={hidden} onToggle={toggle} />}
      csv={{
        filename,
        header: [`send_${interval}`, ...channels.map((c) => `${c}_${metric}`)],
        rows: data.map((r) => [String(r.bucket), ...channels.map((c) => (r[c] === null ? "" : Number(r[c])))]),
      }}
      columns={[
        { header: interval === "week" ? "Sent in the week of" : "Sent on" },
        ...channels.map((c) => ({ header: channelLabel(c), numeric: true })),
      ]}
      rows={data.toReversed().map((r) => ({
        key: String(r.bucket),
        cells: [shortDay(String(r.bucket)), ...channels.map((c) => (r[c] === null ? "—" : formatCount(Number(r[c]))))],
      }))}
      height="h-56"
      chart={
        <LineSeriesChart
          data={data}
          xKey="bucket"
          series={lines}
          hidden={hidden}
          formatX={x}
          formatY={formatCount}
          label={`${metricLabel} per ${interval} by channel, ${formatCount(total)} in total`}
        />
      }
    />
  );
}
