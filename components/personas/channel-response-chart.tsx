"use client";

import { Bar, BarChart, ErrorBar, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartWithTable } from "@/components/charts/chart-with-table";
import { responseMargin as margin, type ChannelResponse } from "@/lib/personas";
import { CHANNEL_INFO, type Channel } from "@/lib/profiles";

const pct = (share: number) => `${(share * 100).toFixed(1)} %`;

/** Open and click rates per channel (unique opens or clickers / delivered) with 95 % intervals. */
export function ChannelResponseChart({ channels }: { channels: ChannelResponse[] }) {
  const data = channels
    .filter((c) => c.delivered > 0)
    .map((c) => {
      const open = c.opened / c.delivered;
      const click = c.clicked / c.delivered;
      return {
        label: CHANNEL_INFO[c.channel as Channel]?.label ?? c.channel,
        ...c,
        open,
        click,
        openMargin: margin(open, c.delivered),
        clickMargin: margin(click, c.delivered),
      };
    });
  if (data.length === 0)
    return (
      <section aria-label="Channel response">
        <h3 className="mb-1 text-sm font-medium">Channel response</h3>
        <p className="text-sm text-muted-foreground">No messages have been delivered to this audience yet.</p>
      </section>
    );
  const best = data.reduce((a, b) => (b.click > a.click ? b : a));
  return (
    <section aria-label="Channel response">
      <h3 className="mb-1 text-sm font-medium">Channel response</h3>
      <ChartWithTable
        showAs="Show channel response as"
        summary={`Best click rate: ${best.label} ${pct(best.click)} ± ${pct(best.clickMargin)}`}
        height="h-56"
        columns={[
          { header: "Channel" },
          { header: "Delivered", numeric: true },
          { header: "Open rate", numeric: true },
          { header: "Click rate", numeric: true },
        ]}
        rows={data.map((d) => ({
          key: d.channel,
          cells: [
            d.label,
            d.delivered.toLocaleString("en"),
            `${pct(d.open)} ± ${pct(d.openMargin)}`,
            `${pct(d.click)} ± ${pct(d.clickMargin)}`,
          ],
        }))}
        chart={
          <div
            className="h-56"
            role="img"
            aria-label={
              `Channel response: ` +
              `${data.map((d) => `${d.label} open ${pct(d.open)}, click ${pct(d.click)}`).join("; ")}`
            }
          >
            <ResponsiveContainer width="100%" height="100%">
              {/* Top margin: the "100 %" tick sits on the top edge and was cut in half. */}
              <BarChart data={data} margin={{ top: 14, right: 8, bottom: 0, left: 0 }}>
                <XAxis dataKey="label" tick={{ fontSize: 11 }} stroke="var(--color-muted-foreground)" />
                {/* A rate is never below 0 %: a wide margin's whisker is cut at the axis instead of drawing a
                    "−12 %" tick. */}
                <YAxis
                  domain={[0, "auto"]}
                  allowDataOverflow
                  tickFormatter={(v: number) => `${Math.round(v * 100)} %`}
                  tick={{ fontSize: 11 }}
                  stroke="var(--color-muted-foreground)"
                  width={44}
                />
                <Tooltip formatter={(value, name) => [pct(Number(value)), name]} />
                {/* Recharts writes each legend entry in its series colour, which the darker bar colour of the dark
                    theme made unreadable. */}
                <Legend
                  formatter={(name) => <span className="text-foreground">{name}</span>}
                  wrapperStyle={{ fontSize: 12 }}
                />
                <Bar dataKey="open" name="Open rate" fill="var(--color-chart-2, #94a3b8)" isAnimationActive={false}>
                  <ErrorBar dataKey="openMargin" width={4} stroke="var(--color-foreground)" />
                </Bar>
                <Bar dataKey="click" name="Click rate" fill="var(--color-primary)" isAnimationActive={false}>
                  <ErrorBar dataKey="clickMargin" width={4} stroke="var(--color-foreground)" />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
        }
      />
    </section>
  );
}
