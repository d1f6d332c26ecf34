"use client";

import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatUtc } from "@/components/format-time";
import { ChartWithTable } from "@/components/charts/chart-with-table";

const shortDay = (at: string) =>
  new Date(at).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** Size snapshots (on save and daily) as a chart and as its table twin. */
export function SizeTrendChart({ snapshots }: { snapshots: { at: string; size: number }[] }) {
  if (snapshots.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        No sizes recorded yet: Tailor records one on every save and once a day.
      </p>
    );
  const data = snapshots.map((s) => ({ ...s, t: new Date(s.at).getTime() }));
  return (
    <ChartWithTable
      showAs="Show size history as"
      height="h-48"
      summary={
        `${snapshots.length} snapshot${snapshots.length === 1 ? "" : "s"} since ` +
        `${shortDay(snapshots[0]!.at)}; sizes are recorded on save and daily.`
      }
      columns={[{ header: "When" }, { header: "Profiles", numeric: true }]}
      rows={snapshots.toReversed().map((s) => ({ key: s.at, cells: [formatUtc(s.at), s.size.toLocaleString("en")] }))}
      chart={
        <div
          className="h-48"
          role="img"
          aria-label={
            `Segment size from ${snapshots[0]!.size.toLocaleString("en")} to ` +
            `${snapshots.at(-1)!.size.toLocaleString("en")}`
          }
        >
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <XAxis
                dataKey="t"
                type="number"
                scale="time"
                domain={["dataMin", "dataMax"]}
                tickFormatter={(t: number) => shortDay(new Date(t).toISOString())}
                tick={{ fontSize: 11 }}
                stroke="var(--color-muted-foreground)"
                minTickGap={24}
              />
              <YAxis
                allowDecimals={false}
                tick={{ fontSize: 11 }}
                stroke="var(--color-muted-foreground)"
                width={56}
                tickFormatter={(n: number) => n.toLocaleString("en")}
              />
              <Tooltip
                labelFormatter={(t) => formatUtc(new Date(Number(t)).toISOString())}
                formatter={(value) => [Number(value).toLocaleString("en"), "Profiles"]}
                contentStyle={{
                  background: "var(--color-popover)",
                  border: "1px solid var(--color-border)",
                  borderRadius: 6,
                  fontSize: 12,
                }}
              />
              <Area
                isAnimationActive={false}
                type="stepAfter"
                dataKey="size"
                stroke="var(--color-primary)"
                strokeWidth={2}
                fill="var(--color-primary)"
                fillOpacity={0.12}
                dot={data.length < 20}
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
