"use client";

import { ChartWithTable } from "@/components/charts/chart-with-table";
import { pValue, signedPct } from "../format";

export type LiftRow = {
  key: string;
  name: string;
  lift: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  p: number | null;
  reason?: string;
};

/**
 * Relative lift of each variant over the control with its confidence interval, drawn as intervals
 * around a zero line; a variant without a result is listed with its reason. The table twin carries
 * the same numbers.
 */
export function LiftIntervalChart({ rows, alpha, caption }: { rows: LiftRow[]; alpha: number; caption: string }) {
  const drawn = rows.filter((r) => r.lift !== null && r.ciLow !== null && r.ciHigh !== null);
  const extent = Math.max(0.05, ...drawn.flatMap((r) => [Math.abs(r.ciLow!), Math.abs(r.ciHigh!)])) * 1.1;
  const width = 560;
  const left = 200;
  const right = 20;
  const rowHeight = 36;
  const height = rows.length * rowHeight + 28;
  const x = (v: number) => left + ((v + extent) / (2 * extent)) * (width - left - right);
  const ticks = [-extent, -extent / 2, 0, extent / 2, extent].map((t) => Math.round(t * 100) / 100);
  const tone = (r: LiftRow) =>
    r.p !== null && r.p < alpha
      ? r.lift! > 0
        ? "var(--color-success)"
        : "var(--color-destructive)"
      : "var(--color-muted-foreground)";
  // The full name is in the table twin and the aria-label; the drawing keeps to its gutter.
  const label = (r: LiftRow) => {
    const full = `${r.key} · ${r.name}`;
    return full.length > 28 ? `${full.slice(0, 27)}…` : full;
  };
  const text = (r: LiftRow) =>
    r.lift === null
      ? `no result: ${r.reason ?? "not enough data"}`
      : `${signedPct(r.lift)} [${signedPct(r.ciLow!)}, ${signedPct(r.ciHigh!)}]`;
  return (
    <ChartWithTable
      showAs="Show lift as"
      summary={caption}
      height="h-56"
      columns={[
        { header: "Variant" },
        { header: "Lift", numeric: true },
        { header: "CI low", numeric: true },
        { header: "CI high", numeric: true },
        { header: "p", numeric: true },
      ]}
      rows={rows.map((r) => ({
        key: r.key,
        cells: [
          `${r.key} · ${r.name}`,
          r.lift === null ? (r.reason ?? "—") : signedPct(r.lift),
          r.ciLow === null ? "—" : signedPct(r.ciLow),
          r.ciHigh === null ? "—" : signedPct(r.ciHigh),
          r.p === null ? "—" : pValue(r.p),
        ],
      }))}
      chart={
        <svg
          viewBox={`0 0 ${width} ${height}`}
          className="w-full max-w-2xl"
          role="img"
          aria-label={`Lift over control: ${rows.map((r) => `${r.key} ${text(r)}`).join("; ")}`}
        >
          {ticks.map((t) => (
            <g key={t}>
              <line
                x1={x(t)}
                x2={x(t)}
                y1={4}
                y2={height - 20}
                stroke="var(--color-border)"
                strokeDasharray={t === 0 ? undefined : "2 3"}
                strokeWidth={t === 0 ? 1.5 : 1}
              />
              <text x={x(t)} y={height - 6} fontSize={11} textAnchor="middle" fill="var(--color-muted-foreground)">
                {t === 0 ? "0" : signedPct(t, 0)}
              </text>
            </g>
          ))}
          {rows.map((r, i) => {
            const y = 18 + i * rowHeight;
            return (
              <g key={r.key}>
                <text x={0} y={y + 4} fontSize={12} fill="var(--color-foreground)">
                  {label(r)}
                </text>
                {r.lift !== null && r.ciLow !== null && r.ciHigh !== null ? (
                  <>
                    <line
                      x1={x(r.ciLow)}
                      x2={x(r.ciHigh)}
                      y1={y}
                      y2={y}
                      stroke={tone(r)}
                      strokeWidth={4}
                      strokeLinecap="round"
                    />
                    <circle
                      cx={x(r.lift)}
                      cy={y}
                      r={6}
                      fill="var(--color-background)"
                      stroke={tone(r)}
                      strokeWidth={3}
                    />
                    <text x={x(r.lift)} y={y + 20} fontSize={11} textAnchor="middle" fill="var(--color-foreground)">
                      {text(r)}
                    </text>
                  </>
                ) : (
                  <text x={left} y={y + 4} fontSize={12} fill="var(--color-muted-foreground)">
                    {text(r)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      }
    />
  );
}
