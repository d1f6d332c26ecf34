"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import type { ComparedDimension, Figure } from "@/lib/personas";

const percent = (figure: Figure | null) => (figure?.ratio == null ? null : Math.round(figure.ratio * 1000) / 10);
const cell = (figure: Figure | null) =>
  figure === null
    ? "—"
    : figure.ratio === null
      ? "no data"
      : `${percent(figure)!.toLocaleString("en")} % (${figure.count.toLocaleString("en")} of ` +
        `${figure.of.toLocaleString("en")})`;

/** One dimension of two audiences: a bar per persona for each value, and the figures as a table. */
export function CompareDistributionChart({
  dimension,
  names,
}: {
  dimension: ComparedDimension;
  names: [string, string];
}) {
  if (dimension.rows.length === 0)
    return <p className="text-sm text-muted-foreground">No data for either audience yet.</p>;
  const data = dimension.rows.map((row) => ({ label: row.label, a: percent(row.a), b: percent(row.b) }));
  // Long labels (country names) do not fit under columns: those read better as horizontal bars.
  const horizontal = data.some((row) => row.label.length > 10);
  const height = horizontal ? `${Math.max(12, data.length * 2)}rem` : "14rem";
  return (
    <ChartWithTable
      showAs={`Show ${dimension.title.toLowerCase()} as`}
      height="h-72"
      summary={dimension.measure}
      columns={[
        { header: dimension.valueHeader },
        { header: names[0], numeric: true },
        { header: names[1], numeric: true },
      ]}
      rows={dimension.rows.map((row) => ({ key: row.value, cells: [row.label, cell(row.a), cell(row.b)] }))}
      chart={
        <div
          style={{ height }}
          role="img"
          aria-label={
            `${dimension.title}: ${names[0]} and ${names[1]} side by side, ` +
            `${dimension.measure.toLowerCase()} The table tab has the figures.`
          }
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart
              data={data}
              layout={horizontal ? "vertical" : "horizontal"}
              margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
              barGap={2}
            >
              <CartesianGrid
                strokeDasharray="3 3"
                stroke="var(--color-border)"
                horizontal={!horizontal}
                vertical={horizontal}
              />
              {horizontal ? (
                <>
                  <XAxis
                    type="number"
                    unit=" %"
                    tick={{ fontSize: 11 }}
                    stroke="var(--color-muted-foreground)"
                    allowDecimals={false}
                  />
                  <YAxis
                    type="category"
                    dataKey="label"
                    width={160}
                    tick={{ fontSize: 11 }}
                    stroke="var(--color-muted-foreground)"
                    interval={0}
                  />
                </>
              ) : (
                <>
                  {/* 24 hours do not all fit as ticks: every bar still has its own row in the table. */}
                  <XAxis
                    dataKey="label"
                    tick={{ fontSize: 11 }}
                    stroke="var(--color-muted-foreground)"
                    interval={data.length > 12 ? "preserveStartEnd" : 0}
                    minTickGap={4}
                  />
                  <YAxis
                    unit=" %"
                    width={48}
                    tick={{ fontSize: 11 }}
                    stroke="var(--color-muted-foreground)"
                    allowDecimals={false}
                  />
                </>
              )}
              <Tooltip
                formatter={(value, key) => [
                  value === null || value === undefined ? "no data" : `${Number(value).toLocaleString("en")} %`,
                  key === "a" ? names[0] : names[1],
                ]}
                contentStyle={{
                  background: "var(--color-popover)",
                  border: "1px solid var(--color-border)",
                  borderRadius: 6,
                  fontSize: 12,
                }}
                cursor={{ fill: "var(--color-muted)" }}
              />
              {/* Legend text in the foreground colour: the series colours are for bars, too light for text. */}
              <Legend
                formatter={(key) => <span className="text-foreground">{key === "a" ? names[0] : names[1]}</span>}
                wrapperStyle={{ fontSize: 12 }}
              />
              <Bar isAnimationActive={false} dataKey="a" fill="var(--color-chart-1)" radius={2} />
              <Bar isAnimationActive={false} dataKey="b" fill="var(--color-chart-2)" radius={2} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
