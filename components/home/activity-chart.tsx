"use client";

import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import type { ActivityDay } from "@/lib/workspace/server";
import { displayValue } from "@/lib/display-value";

const shortDay = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** Changes per day from the audit log, as a chart and as its table twin. */
export function ActivityChart({ days }: { days: ActivityDay[] }) {
  const total = days.reduce((sum, day) => sum + day.changes, 0);
  return (
    <ChartWithTable
      showAs="Show activity as"
      summary={
        <>
          <span className="font-medium text-foreground">{total}</span> change{total === 1 ? "" : "s"} in the last{" "}
          {days.length} days
        </>
      }
      columns={[{ header: "Day" }, { header: "Changes", numeric: true }]}
      rows={days.toReversed().map((day) => ({ key: day.day, cells: [day.day, day.changes] }))}
      chart={
        <div
          className="h-40"
          role="img"
          aria-label={`Workspace activity: ${total} changes in the last ${days.length} days`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <AreaChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -20 }}>
              <defs>
                <linearGradient id="activity-fill" x1="0" y1="0" x2="0" y2="1">
                  <stop offset="0%" stopColor="var(--color-primary)" stopOpacity={0.35} />
                  <stop offset="100%" stopColor="var(--color-primary)" stopOpacity={0} />
                </linearGradient>
              </defs>
              <XAxis
                dataKey="day"
                tickFormatter={shortDay}
                tick={{ fontSize: 11 }}
                stroke="var(--color-muted-foreground)"
                minTickGap={24}
              />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} stroke="var(--color-muted-foreground)" />
              <Tooltip
                labelFormatter={(day) => shortDay(displayValue(day))}
                formatter={(value) => [value, "Changes"]}
                contentStyle={{
                  background: "var(--color-popover)",
                  border: "1px solid var(--color-border)",
                  borderRadius: 6,
                  fontSize: 12,
                }}
              />
              <Area
                isAnimationActive={false}
                type="monotone"
                dataKey="changes"
                stroke="var(--color-primary)"
                strokeWidth={2}
                fill="url(#activity-fill)"
              />
            </AreaChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
