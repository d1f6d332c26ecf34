"use client";

import { ArrowDownRight, ArrowUpRight, Minus } from "lucide-react";
import { formatChange, formatCount, formatMoney, formatPercent } from "@/components/charts/format";
import { Card, CardContent } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { TotalsWithRates } from "@/lib/analytics";
import type { MetricKey } from "@/lib/analytics/metrics";
import { MetricLabel } from "./metric-help";

const KPIS: { metric: Exclude<MetricKey, "retention" | "deliveryRate" | "messageCtr">; money?: boolean; lowerIsBetter?: boolean }[] = [
  { metric: "ctr" },
  { metric: "openRate" },
  { metric: "conversionRate" },
  { metric: "unsubscribeRate", lowerIsBetter: true },
  { metric: "revenuePerRecipient", money: true },
];

/** The headline rates with their change vs the comparison period (arrow and words, not colour alone). */
export function KpiCards({ current, previous }: { current: TotalsWithRates; previous: TotalsWithRates | null }) {
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      {KPIS.map(({ metric, money, lowerIsBetter }) => {
        const value = current.rates[metric];
        const before = previous ? previous.rates[metric] : null;
        const change = previous ? formatChange(value, before, money ? "relative" : "rate") : null;
        const good = change && change.direction !== "flat" ? (change.direction === "up") !== Boolean(lowerIsBetter) : null;
        const Icon = !change || change.direction === "flat" ? Minus : change.direction === "up" ? ArrowUpRight : ArrowDownRight;
        return (
          <Card key={metric} data-testid={`kpi-${metric}`}>
            <CardContent className="space-y-1 p-4">
              <div className="text-xs font-medium text-muted-foreground">
                <MetricLabel metric={metric} />
              </div>
              <div className="text-2xl font-semibold tabular-nums">{money ? formatMoney(value) : formatPercent(value)}</div>
              {previous && (
                <div className={cn("flex items-center gap-1 text-xs", good === null ? "text-muted-foreground" : good ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400")}>
                  <Icon className="size-3.5" aria-hidden />
                  {change ? (
                    <span>
                      {change.text} vs previous period ({money ? formatMoney(before) : formatPercent(before)})
                    </span>
                  ) : (
                    <span>no data in the previous period</span>
                  )}
                </div>
              )}
              <div className="text-xs text-muted-foreground">{formatCount(current.totals.delivered)} delivered</div>
            </CardContent>
          </Card>
        );
      })}
    </div>
  );
}
