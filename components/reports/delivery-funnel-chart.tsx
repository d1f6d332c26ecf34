"use client";

import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import { formatCount, formatPercent } from "@/components/charts/format";
import type { DeliveryTotals } from "@/lib/analytics/metrics";
import { MetricLabel } from "./metric-help";

/** sent → delivered → opened → clicked → converted, as bars and as a table with step rates. */
export function DeliveryFunnelChart({ totals, previous, filename }: { totals: DeliveryTotals; previous?: DeliveryTotals | null; filename: string }) {
  const stages = [
    { stage: "Sent", value: totals.sent, before: previous?.sent },
    { stage: "Delivered", value: totals.delivered, before: previous?.delivered },
    { stage: "Opened (unique)", value: totals.uniqueOpens, before: previous?.uniqueOpens },
    { stage: "Clicked (unique)", value: totals.uniqueClickers, before: previous?.uniqueClickers },
    { stage: "Converted (profiles)", value: totals.converters, before: previous?.converters },
  ];
  const ofSent = (v: number) => (totals.sent > 0 ? v / totals.sent : null);
  return (
    <ChartWithTable
      showAs="Show delivery funnel as"
      summary={
        <span>
          <span className="font-medium text-foreground">{formatCount(totals.delivered)}</span> delivered of {formatCount(totals.sent)} sent ·{" "}
          <MetricLabel metric="deliveryRate" />: {formatPercent(totals.sent > 0 ? totals.delivered / totals.sent : null)}
        </span>
      }
      csv={{
        filename,
        header: ["stage", "count", "share_of_sent", ...(previous ? ["previous_period"] : [])],
        rows: stages.map((s) => [s.stage, s.value, ofSent(s.value), ...(previous ? [s.before ?? 0] : [])]),
      }}
      columns={[{ header: "Stage" }, { header: "Count", numeric: true }, { header: "Of sent", numeric: true }, { header: "Of previous step", numeric: true }, ...(previous ? [{ header: "Previous period", numeric: true }] : [])]}
      rows={stages.map((s, i) => ({
        key: s.stage,
        cells: [s.stage, formatCount(s.value), formatPercent(ofSent(s.value)), i === 0 ? "—" : formatPercent(stages[i - 1]!.value > 0 ? s.value / stages[i - 1]!.value : null), ...(previous ? [formatCount(s.before ?? 0)] : [])],
      }))}
      height="h-80"
      chart={<BarListChart data={stages.map((s) => ({ stage: s.stage, value: s.value }))} categoryKey="stage" series={[{ key: "value", label: "Count", index: 0 }]} format={formatCount} label={`Delivery funnel: ${stages.map((s) => `${s.stage} ${formatCount(s.value)}`).join(", ")}`} />}
    />
  );
}
