"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_PROPS, seriesColour, TOOLTIP_STYLE } from "./palette";

export type BarSeries = { key: string; label: string; index: number };

/**
 * Horizontal bars, one row per category, one bar per visible series, each bar labelled with its
 * value (so the value is readable without hover and without telling colours apart).
 */
export function BarListChart({
  data,
  categoryKey,
  series,
  hidden = new Set(),
  format = String,
  label,
  rowHeight = 36,
}: {
  data: Record<string, string | number | null>[];
  categoryKey: string;
  series: BarSeries[];
  hidden?: ReadonlySet<string>;
  format?: (v: number) => string;
  label: string;
  rowHeight?: number;
}) {
  const visible = series.filter((s) => !hidden.has(s.key));
  const height = Math.max(120, data.length * rowHeight * Math.max(1, visible.length * 0.7) + 40);
  return (
    <div style={{ height }} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" horizontal={false} />
          <XAxis type="number" tickFormatter={(v) => format(Number(v))} {...AXIS_PROPS} />
          <YAxis type="category" dataKey={categoryKey} width={150} interval={0} {...AXIS_PROPS} />
          <Tooltip cursor={{ fill: "var(--color-muted)" }} formatter={(value, name) => [value === null || value === undefined ? "—" : format(Number(value)), series.find((s) => s.key === name)?.label ?? String(name)]} contentStyle={TOOLTIP_STYLE} />
          {visible.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.key} fill={seriesColour(s.index)} isAnimationActive={false} radius={[0, 3, 3, 0]}>
              <LabelList dataKey={s.key} position="right" formatter={(v: unknown) => (v === null || v === undefined ? "—" : format(Number(v)))} style={{ fontSize: 11, fill: "var(--color-foreground)" }} />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
