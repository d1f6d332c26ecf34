"use client";

import { Area, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import type { CumulativePoint } from "@/lib/experiments/server";
import { count, signedPct } from "../format";

const COLORS = [
  "var(--color-primary)",
  "var(--color-chart-2, #f59e0b)",
  "var(--color-chart-3, #10b981)",
  "var(--color-chart-4, #8b5cf6)",
];

/** Lift of each variant on everyone exposed so far, by exposure day: a novelty effect shows as a line that fades. */
export function CumulativeLiftChart({
  points,
  variants,
}: {
  points: CumulativePoint[];
  variants: { key: string; name: string }[];
}) {
  if (points.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        No exposures yet: the cumulative lift appears once the first day of sends is in.
      </p>
    );
  if (!points.some((p) => Object.values(p.lifts).some((l) => l.ok))) {
    return (
      <p className="text-sm text-muted-foreground">
        No day has enough data for an interval yet: each arm needs 100 exposed profiles and 5 conversions (
        {count(points.at(-1)!.exposed)} exposed so far).
      </p>
    );
  }
  const data = points.map((p) => {
    const row: Record<string, number | string | null | [number, number]> = { day: p.day, exposed: p.exposed };
    for (const v of variants) {
      const l = p.lifts[v.key];
      row[v.key] = l?.ok ? l.value : null;
      row[`${v.key}-band`] = l?.ok ? [l.ciLow, l.ciHigh] : null;
    }
    return row;
  });
  const last = points.at(-1)!;
  return (
    <ChartWithTable
      showAs="Show cumulative lift as"
      summary={
        `${points.length} ${points.length === 1 ? "day" : "days"} since the first exposure, ` +
        `${count(last.exposed)} profiles exposed`
      }
      height="h-56"
      columns={[
        { header: "Day" },
        { header: "Exposed", numeric: true },
        ...variants.map((v) => ({ header: `${v.key} lift [CI]`, numeric: true })),
      ]}
      rows={points.map((p) => ({
        key: p.day,
        cells: [
          p.day,
          count(p.exposed),
          ...variants.map((v) => {
            const l = p.lifts[v.key];
            return l?.ok ? `${signedPct(l.value)} [${signedPct(l.ciLow)}, ${signedPct(l.ciHigh)}]` : (l?.reason ?? "—");
          }),
        ],
      }))}
      chart={
        <div
          className="h-56"
          role="img"
          aria-label={`Cumulative lift by day: ${variants
            .map((v) => {
              const l = last.lifts[v.key];
              return `${v.key} ends at ${l?.ok ? signedPct(l.value) : "no result"}`;
            })
            .join("; ")}`}
        >
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
              <XAxis dataKey="day" tick={{ fontSize: 11 }} stroke="var(--color-muted-foreground)" />
              <YAxis
                tickFormatter={(v: number) => signedPct(v, 0)}
                tick={{ fontSize: 11 }}
                stroke="var(--color-muted-foreground)"
                width={56}
              />
              <ReferenceLine y={0} stroke="var(--color-border)" />
              <Tooltip
                formatter={(value, name) =>
                  Array.isArray(value)
                    ? [`${signedPct(Number(value[0]))} … ${signedPct(Number(value[1]))}`, name]
                    : [signedPct(Number(value)), name]
                }
              />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              {variants.map((v, i) => (
                <Area
                  key={`${v.key}-band`}
                  dataKey={`${v.key}-band`}
                  name={`${v.key} CI`}
                  stroke="none"
                  fill={COLORS[i % COLORS.length]}
                  fillOpacity={0.15}
                  isAnimationActive={false}
                />
              ))}
              {variants.map((v, i) => (
                <Line
                  key={v.key}
                  dataKey={v.key}
                  name={`${v.key} · ${v.name}`}
                  stroke={COLORS[i % COLORS.length]}
                  strokeWidth={2}
                  dot
                  isAnimationActive={false}
                  connectNulls
                />
              ))}
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      }
    />
  );
}
