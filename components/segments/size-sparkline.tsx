"use client";

import { Line, LineChart, ResponsiveContainer, YAxis } from "recharts";

/** A segment's daily sizes as a tiny line; the list shows the figures beside it. */
export function SizeSparkline({ trend, label }: { trend: { day: string; size: number }[]; label: string }) {
  if (trend.length < 2) {
    const since =
      trend[0] &&
      new Date(`${trend[0].day}T00:00:00Z`).toLocaleDateString("en", {
        month: "short",
        day: "numeric",
        timeZone: "UTC",
      });
    return (
      <span className="text-xs whitespace-nowrap text-muted-foreground">
        {since ? `one size so far (${since})` : "no history yet"}
      </span>
    );
  }
  const first = trend[0]!.size;
  const last = trend.at(-1)!.size;
  const change = first === 0 ? null : ((last - first) / first) * 100;
  return (
    <span className="flex items-center gap-2">
      <span
        className="h-6 w-24"
        role="img"
        aria-label={`${label}: ${first.toLocaleString("en")} → ${last.toLocaleString("en")} over ${trend.length} days`}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={trend}>
            <YAxis hide domain={["dataMin", "dataMax"]} />
            <Line
              isAnimationActive={false}
              type="monotone"
              dataKey="size"
              stroke="var(--color-primary)"
              strokeWidth={1.5}
              dot={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </span>
      {change !== null && (
        <span className="text-xs tabular-nums text-muted-foreground">
          {change >= 0 ? "+" : ""}
          {change.toFixed(0)} %
        </span>
      )}
    </span>
  );
}
