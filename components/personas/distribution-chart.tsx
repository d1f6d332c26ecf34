"use client";

import { Bar, BarChart, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import type { Distribution } from "@/lib/personas";

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

/**
 * One dimension of the audience as horizontal bars of share, with its table twin. `order` fixes
 * the axis (buckets, hours); otherwise the largest come first and the tail is folded into "other".
 */
export function DistributionChart({
  title,
  distribution,
  size,
  order,
  top = 8,
  unknown = "not known",
  format = (v) => v,
  columns = false,
}: {
  title: string;
  distribution: Distribution;
  size: number;
  order?: readonly string[];
  top?: number;
  unknown?: string;
  format?: (value: string) => string;
  // Vertical columns for a long ordered axis (24 hours) that would make horizontal bars very tall.
  columns?: boolean;
}) {
  let rows = distribution.map((d) => ({ label: d.value === null ? unknown : format(d.value), profiles: d.profiles }));
  if (order) {
    const byValue = new Map(distribution.map((d) => [d.value, d.profiles]));
    rows = [
      ...order.map((value) => ({ label: format(value), profiles: byValue.get(value) ?? 0 })),
      ...(byValue.has(null) ? [{ label: unknown, profiles: byValue.get(null)! }] : []),
    ];
  } else if (rows.length > top) {
    const rest = rows.slice(top - 1).reduce((sum, r) => sum + r.profiles, 0);
    rows = [...rows.slice(0, top - 1), { label: `${rows.length - top + 1} others`, profiles: rest }];
  }
  const data = rows.map((r) => ({ ...r, share: size > 0 ? r.profiles / size : 0 }));
  const leader = data
    .filter((d) => d.label !== unknown)
    .reduce<(typeof data)[number] | null>((best, d) => (!best || d.profiles > best.profiles ? d : best), null);
  const height = columns ? 180 : Math.max(120, data.length * 24 + 16);
  return (
    <section aria-label={title}>
      <h3 className="mb-1 text-sm font-medium">{title}</h3>
      <ChartWithTable
        showAs={`Show ${title.toLowerCase()} as`}
        summary={leader ? `Most common: ${leader.label} (${pct(leader.share)})` : "No values yet"}
        height="h-56"
        columns={[{ header: title }, { header: "Profiles", numeric: true }, { header: "Share", numeric: true }]}
        rows={data.map((d) => ({ key: d.label, cells: [d.label, d.profiles.toLocaleString("en"), pct(d.share)] }))}
        chart={
          <div
            style={{ height }}
            role="img"
            aria-label={`${title}: ${data.map((d) => `${d.label} ${pct(d.share)}`).join(", ")}`}
          >
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={data}
                layout={columns ? "horizontal" : "vertical"}
                margin={{ top: 12, right: columns ? 8 : 48, bottom: 0, left: 0 }}
              >
                {columns ? (
                  <>
                    <XAxis
                      type="category"
                      dataKey="label"
                      tick={{ fontSize: 11 }}
                      stroke="var(--color-muted-foreground)"
                      interval={2}
                    />
                    <YAxis
                      type="number"
                      tickFormatter={(v: number) => `${Math.round(v * 100)} %`}
                      width={40}
                      tick={{ fontSize: 11 }}
                      stroke="var(--color-muted-foreground)"
                    />
                  </>
                ) : (
                  <>
                    <XAxis type="number" hide domain={[0, "dataMax"]} />
                    <YAxis
                      type="category"
                      dataKey="label"
                      width={96}
                      tick={{ fontSize: 11 }}
                      stroke="var(--color-muted-foreground)"
                      interval={0}
                    />
                  </>
                )}
                <Tooltip
                  formatter={(value, _name, item) => [
                    `${pct(Number(value))} (${(item.payload as { profiles: number }).profiles.toLocaleString("en")})`,
                    "Share",
                  ]}
                />
                <Bar
                  dataKey="share"
                  fill="var(--color-primary)"
                  isAnimationActive={false}
                  radius={columns ? [3, 3, 0, 0] : [0, 3, 3, 0]}
                >
                  {!columns && (
                    <LabelList
                      dataKey="share"
                      position="right"
                      formatter={(v) => pct(Number(v))}
                      style={{ fontSize: 11, fill: "var(--color-muted-foreground)" }}
                    />
                  )}
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        }
      />
    </section>
  );
}
