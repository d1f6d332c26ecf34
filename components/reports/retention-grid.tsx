"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { useScrollsSideways } from "@/components/ui/use-scrolls-sideways";
import { downloadCsv } from "@/components/charts/csv";
import { formatCount, formatPercent, shortDay } from "@/components/charts/format";
import { heatFill, heatText } from "@/components/charts/palette";
import type { Retention } from "@/lib/analytics/server";
import { wilsonInterval } from "@/lib/analytics";

const ofSize = (active: number, size: number) => {
  const ci = wilsonInterval(active, size);
  return (
    `${formatCount(active)} of ${formatCount(size)} ` +
    `profiles${ci ? ` (95 % CI ${formatPercent(ci.low)}–${formatPercent(ci.high)})` : ""}`
  );
};

/**
 * The cohort grid as a heat-map table: each cell its retention and its count (active of the cohort on
 * hover); periods not reached yet stay blank. A cohort under the minimum is listed with its counts
 * only, marked as left out of the curve.
 */
export function RetentionGrid({ retention, filename }: { retention: Retention; filename: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const scrolls = useScrollsSideways(scroller);
  const unit = retention.period === "week" ? "Week" : "Day";
  const ks = Array.from({ length: retention.periods + 1 }, (_, k) => k);
  return (
    <div className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">
          {retention.cohorts.length} cohorts by {retention.period}; a striped cell is a period still running; a cohort
          under {retention.minimum} profiles shows counts only and is not in the curve.
        </p>
        <Button
          size="sm"
          variant="outline"
          aria-label="Export cohort grid as CSV"
          onClick={() =>
            downloadCsv({
              filename,
              header: [
                "cohort",
                "size",
                "too_few",
                ...ks.flatMap((k) => [`${unit.toLowerCase()}_${k}_active`, `${unit.toLowerCase()}_${k}_rate`]),
              ],
              rows: retention.cohorts.map((c) => [
                c.cohort,
                c.size,
                c.tooFew ? 1 : 0,
                ...ks.flatMap((k) => [c.active[k] ?? null, c.rate[k] ?? null]),
              ]),
            })
          }
        >
          CSV
        </Button>
      </div>
      <div
        ref={scroller}
        // A region that scrolls must take focus to scroll by keyboard (WCAG 2.1.1).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={scrolls ? 0 : undefined}
        className="overflow-x-auto rounded-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <table className="w-full border-separate border-spacing-0.5 text-xs" aria-label="Cohort retention grid">
          <thead>
            <tr>
              <th scope="col" className="px-2 py-1 text-left font-medium">
                Cohort ({retention.period === "week" ? "week of" : "day"})
              </th>
              <th scope="col" className="px-2 py-1 text-right font-medium">
                Profiles
              </th>
              {ks.map((k) => (
                <th key={k} scope="col" className="px-2 py-1 text-right font-medium">
                  {unit} {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {retention.cohorts.map((c) => (
              <tr key={c.cohort}>
                <th scope="row" className="px-2 py-1 text-left font-normal whitespace-nowrap">
                  {shortDay(c.cohort)}
                  {c.tooFew && (
                    <span className="block text-muted-foreground">
                      too few — n = {formatCount(c.size)}, not in the curve
                    </span>
                  )}
                </th>
                <td className="px-2 py-1 text-right tabular-nums">{formatCount(c.size)}</td>
                {ks.map((k) => {
                  const rate = c.rate[k];
                  const active = c.active[k];
                  if (active === null || active === undefined) return <td key={k} aria-label="not reached yet" />;
                  if (c.size === 0)
                    return (
                      <td key={k} className="px-2 py-1 text-right text-muted-foreground">
                        —
                      </td>
                    );
                  if (c.tooFew)
                    return (
                      <td
                        key={k}
                        className="rounded border border-dashed px-2 py-1 text-right text-muted-foreground tabular-nums"
                        title={`${ofSize(active, c.size)}${c.incomplete[k] ? " (period still running)" : ""}`}
                      >
                        {formatCount(active)}/{formatCount(c.size)}
                      </td>
                    );
                  return (
                    <td
                      key={k}
                      className="rounded px-2 py-1 text-right tabular-nums"
                      style={{
                        backgroundColor: rate === null || rate === undefined ? undefined : heatFill(rate),
                        color: rate === null || rate === undefined ? undefined : heatText(rate),
                        backgroundImage: c.incomplete[k]
                          ? "repeating-linear-gradient(45deg, transparent 0 4px, rgba(127,127,127,0.25) 4px 6px)"
                          : undefined,
                      }}
                      title={`${ofSize(active, c.size)}${c.incomplete[k] ? " (period still running)" : ""}`}
                    >
                      <div className="font-medium">{formatPercent(rate)}</div>
                      <div>{formatCount(active)}</div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
