"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS_PROPS, seriesColour, seriesDash, TOOLTIP_STYLE } from "./palette";
import { displayValue } from "@/lib/display-value";

export type LineSeries = { key: string; label: string; index: number };

/** Lines over an x axis (days, weeks, periods), one colour and dash per series; hidden ones are left out. */
export function LineSeriesChart({
  data,
  xKey,
  series,
  hidden,
  formatX = String,
  formatY = String,
  label,
  className = "h-56",
  yDomain,
  tooltipDetail,
}: {
  data: Record<string, string | number | null>[];
  xKey: string;
  series: LineSeries[];
  hidden: ReadonlySet<string>;
  formatX?: (x: string) => string;
  formatY?: (y: number) => string;
  label: string;
  className?: string;
  yDomain?: [number, number];
  /**
   * A note after a point's value in the tooltip (its n, its interval, "too few"); points without a value are listed
   * then too.
   */
  tooltipDetail?: (seriesKey: string, row: Record<string, string | number | null>) => string | undefined;
}) {
  return (
    <div className={className} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--color-border)" vertical={false} />
          <XAxis dataKey={xKey} tickFormatter={(x) => formatX(String(x))} minTickGap={24} {...AXIS_PROPS} />
          <YAxis tickFormatter={(y) => formatY(Number(y))} width={56} domain={yDomain} {...AXIS_PROPS} />
          <Tooltip
            labelFormatter={(x) => formatX(displayValue(x))}
            formatter={(value, name, item) => {
              const text = value === null || value === undefined ? "—" : formatY(Number(value));
              const detail = tooltipDetail?.(String(name), item.payload as Record<string, string | number | null>);
              return [detail ? `${text} (${detail})` : text, series.find((s) => s.key === name)?.label ?? String(name)];
            }}
            filterNull={!tooltipDetail}
            contentStyle={TOOLTIP_STYLE}
          />
          {series
            .filter((s) => !hidden.has(s.key))
            .map((s) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.key}
                type="linear"
                isAnimationActive={false}
                stroke={seriesColour(s.index)}
                strokeDasharray={seriesDash(s.index)}
                strokeWidth={2}
                dot={data.length <= 31 ? { r: 2.5 } : false}
                connectNulls={false}
              />
            ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
