"use client";

import { BarListChart } from "@/components/charts/bar-list-chart";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import { formatCount } from "@/components/charts/format";
import { type DeliveryTotals, type ProportionKey, RATE_PARTS, rateEstimate } from "@/lib/analytics";
import { MetricLabel } from "./metric-help";
import { describeRate, RateCell } from "./rate-cell";

type Stage = { stage: string; value: number; before?: number; rate?: ProportionKey };

/**
 * What became of the range's sends, in two populations that are never divided by each other: the
 * messages (sent → delivered) and the profiles they reached (recipients → opened, clicked,
 * converted). Each profile stage is a rate of the recipients on channels that can measure it — not of
 * the step before (a clicker need not be a counted opener: an SMS has no opens).
 */
export function DeliveryFunnelChart({
  totals,
  previous,
  filename,
}: {
  totals: DeliveryTotals;
  previous?: DeliveryTotals | null;
  filename: string;
}) {
  const stages: Stage[] = [
    { stage: "Sent (messages)", value: totals.sent, before: previous?.sent },
    { stage: "Delivered (messages)", value: totals.delivered, before: previous?.delivered, rate: "deliveryRate" },
    { stage: "Recipients (profiles)", value: totals.recipients, before: previous?.recipients },
    { stage: "Opened (profiles)", value: totals.uniqueOpens, before: previous?.uniqueOpens, rate: "openRate" },
    { stage: "Clicked (profiles)", value: totals.uniqueClickers, before: previous?.uniqueClickers, rate: "ctr" },
    { stage: "Converted (profiles)", value: totals.converters, before: previous?.converters, rate: "conversionRate" },
  ];
  const delivery = rateEstimate(totals, "deliveryRate");
  return (
    <ChartWithTable
      showAs="Show delivery funnel as"
      summary={
        <span>
          <span className="font-medium text-foreground">{formatCount(totals.delivered)}</span> delivered of{" "}
          {formatCount(totals.sent)} sent · <MetricLabel metric="deliveryRate" />:{" "}
          {describeRate(delivery, false, "messages")}
        </span>
      }
      csv={{
        filename,
        header: ["stage", "count", "rate", "rate_denominator", ...(previous ? ["previous_period"] : [])],
        rows: stages.map((s) => [
          s.stage,
          s.value,
          s.rate ? rateEstimate(totals, s.rate).value : "",
          s.rate ? totals[RATE_PARTS[s.rate].denominator] : "",
          ...(previous ? [s.before ?? 0] : []),
        ]),
      }}
      columns={[
        { header: "Stage" },
        { header: "Count", numeric: true },
        { header: "Rate (of what it is measured on)", numeric: true },
        ...(previous ? [{ header: "Previous period", numeric: true }] : []),
      ]}
      rows={stages.map((s) => ({
        key: s.stage,
        cells: [
          s.stage,
          formatCount(s.value),
          s.rate ? <RateCell key="rate" rate={rateEstimate(totals, s.rate)} unit={RATE_PARTS[s.rate].unit} /> : "—",
          ...(previous ? [formatCount(s.before ?? 0)] : []),
        ],
      }))}
      height="h-80"
      chart={
        <BarListChart
          data={stages.map((s) => ({ stage: s.stage, value: s.value, rate: s.rate ?? null }))}
          categoryKey="stage"
          series={[{ key: "value", label: "Count", index: 0 }]}
          format={formatCount}
          describe={(row, _key, long) => {
            const rate = row.rate as ProportionKey | null;
            const count = formatCount(row.value as number);
            return rate ? `${count} · ${describeRate(rateEstimate(totals, rate), long, RATE_PARTS[rate].unit)}` : count;
          }}
          label={`Delivery funnel: ${stages.map((s) => `${s.stage} ${formatCount(s.value)}`).join(", ")}`}
        />
      }
    />
  );
}
