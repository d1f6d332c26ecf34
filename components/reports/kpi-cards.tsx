"use client";

import { useId } from "react";
import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { formatChange, formatCount, formatPercent } from "@/components/charts/format";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TotalsWithRates } from "@/lib/analytics/server";
import { type ProportionKey, RATE_PARTS, rateEstimate, MIN_RATE_N } from "@/lib/analytics";
import { formatMoney } from "@/lib/workspace";
import { MetricLabel } from "./metric-help";

type Kpi = { metric: ProportionKey | "revenuePerRecipient"; lowerIsBetter?: boolean };
const KPIS: Kpi[] = [
  { metric: "ctr" },
  { metric: "openRate" },
  { metric: "conversionRate" },
  { metric: "unsubscribeRate", lowerIsBetter: true },
  { metric: "revenuePerRecipient" },
];

/**
 * The headline rates with their n, 95 % interval and change vs the comparison period (arrow and
 * words, not colour alone). A rate on fewer than MIN_RATE_N reads "too few" instead of a number.
 */
export function KpiCards({
  current,
  previous,
  currency,
}: {
  current: TotalsWithRates;
  previous: TotalsWithRates | null;
  currency: string;
}) {
  const id = useId();
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      {KPIS.map(({ metric, lowerIsBetter }) => {
        const money = metric === "revenuePerRecipient";
        const parts = RATE_PARTS[metric];
        const n = current.totals[parts.denominator];
        const estimate = money ? null : rateEstimate(current.totals, metric);
        const tooFew = n < MIN_RATE_N;
        const value = tooFew ? null : current.rates[metric];
        const nBefore = previous ? previous.totals[parts.denominator] : 0;
        const before = previous && nBefore >= MIN_RATE_N ? previous.rates[metric] : null;
        const change = previous ? formatChange(value, before, money ? "relative" : "rate") : null;
        const good =
          change && change.direction !== "flat" ? (change.direction === "up") !== Boolean(lowerIsBetter) : null;
        const Icon =
          !change || change.direction === "flat" ? Minus : change.direction === "up" ? ArrowUpRight : ArrowDownRight;
        const show = (v: number | null) => (money ? formatMoney(v, currency) : formatPercent(v));
        return (
          <Card key={metric} role="region" aria-labelledby={`${id}-${metric}`}>
            <CardContent className="space-y-1 p-4">
              <div className="text-xs font-medium text-muted-foreground">
                <MetricLabel metric={metric} labelId={`${id}-${metric}`} />
              </div>
              <div className={cn("text-2xl font-semibold tabular-nums", tooFew && "text-muted-foreground")}>
                {n === 0 ? "—" : tooFew ? "too few" : show(value)}
              </div>
              {estimate?.interval && !tooFew && (
                <div className="text-xs text-muted-foreground tabular-nums">
                  95% CI {formatPercent(estimate.interval.low)}–{formatPercent(estimate.interval.high)}
                </div>
              )}
              {previous && !tooFew && (
                <div
                  className={cn(
                    "flex items-center gap-1 text-xs",
                    good === null
                      ? "text-muted-foreground"
                      : good
                        ? "text-emerald-700 dark:text-emerald-400"
                        : "text-red-700 dark:text-red-400",
                  )}
                >
                  <Icon className="size-3.5" aria-hidden />
                  {change ? (
                    <span>
                      {change.text} vs previous period ({show(before)})
                    </span>
                  ) : (
                    <span>
                      {nBefore === 0
                        ? "no data in the previous period"
                        : `too few in the previous period (n = ${formatCount(nBefore)})`}
                    </span>
                  )}
                </div>
              )}
              <div className="text-xs text-muted-foreground tabular-nums">
                {estimate ? `${formatCount(estimate.numerator)} of ` : ""}n = {formatCount(n)} {parts.unit}
                {n === 0 && parts.denominator === "openableRecipients" ? " on channels that measure opens" : ""}
                {tooFew && n > 0 ? ` (a rate needs ${MIN_RATE_N})` : ""}
              </div>
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}
