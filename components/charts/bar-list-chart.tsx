"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_PROPS, seriesColour, TOOLTIP_STYLE } from "./palette";

export type BarSeries = { key: string; label: string; index: number };

type Row = Record<string, unknown>;

/** A category's name on the axis, with a note under it (e.g. "too few (n = 12)" for a row whose bars are not drawn). */
function CategoryTick({
  x,
  y,
  payload,
  notes,
}: {
  x?: number;
  y?: number;
  payload?: { value: string };
  notes?: ReadonlyMap<string, string>;
}) {
  const note = payload ? notes?.get(payload.value) : undefined;
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0})`}>
      <text x={-4} y={note ? -3 : 0} dy={4} textAnchor="end" fontSize={11} fill="var(--color-muted-foreground)">
        {payload?.value}
      </text>
      {note && (
        <text
          x={-4}
          y={11}
          dy={4}
          textAnchor="end"
          fontSize={10}
          fontStyle="italic"
          fill="var(--color-muted-foreground)"
        >
          {note}
        </text>
      )}
    </g>
  );
}

/**
 * Horizontal bars, one row per category, one bar per visible series, each bar labelled with its
 * value (so the value is readable without hover and without telling colours apart). `describe`, when
 * given, writes each bar's label and tooltip line instead (e.g. a rate with its n and interval, or
 * "too few (n = 12)" for a bar that is not drawn).
 */
export function BarListChart({
  data,
  categoryKey,
  series,
  hidden = new Set(),
  format = String,
  label,
  rowHeight = 36,
  describe,
  notes,
}: {
  data: Row[];
  categoryKey: string;
  series: BarSeries[];
  hidden?: ReadonlySet<string>;
  format?: (v: number) => string;
  label: string;
  rowHeight?: number;
  describe?: (row: Row, seriesKey: string, long: boolean) => string;
  /** A note under a category's name, by category. */
  notes?: ReadonlyMap<string, string>;
}) {
  const text = (value: unknown) => (value === null || value === undefined ? "—" : format(Number(value)));
  const visible = series.filter((s) => !hidden.has(s.key));
  const height = Math.max(120, data.length * rowHeight * Math.max(1, visible.length * 0.7) + 40);
  return (
    <div style={{ height }} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" horizontal={false} />
          <XAxis type="number" tickFormatter={(v) => format(Number(v))} {...AXIS_PROPS} />
          <YAxis
            type="category"
            dataKey={categoryKey}
            width={150}
            interval={0}
            {...AXIS_PROPS}
            tick={<CategoryTick notes={notes} />}
          />
          <Tooltip
            cursor={{ fill: "var(--color-muted)" }}
            formatter={(value, name, item) => [
              describe ? describe(item.payload as Row, String(name), true) : text(value),
              series.find((s) => s.key === name)?.label ?? String(name),
            ]}
            contentStyle={TOOLTIP_STYLE}
          />
          {visible.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.key}
              fill={seriesColour(s.index)}
              isAnimationActive={false}
              radius={[0, 3, 3, 0]}
            >
              <LabelList
                dataKey={(row: Row) => (describe ? describe(row, s.key, false) : text(row[s.key]))}
                position="right"
                style={{ fontSize: 11, fill: "var(--color-foreground)" }}
              />
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
