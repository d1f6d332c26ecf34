import type { Prisma } from "@/lib/generated/prisma/client";
import type { MeanArm, RatioArm } from "@/lib/experiments/stats/types";
import type { Guardrail, Metric } from "./schema";
import {
  campaignEventAny,
  campaignEventCount,
  convertedWithin,
  revenueWithin,
  type Cross,
  type Measure,
  type UnitScope,
} from "./sql";

/** Row of armStatisticsSql: n, multiple and the measures' sums by column name. */
export type ArmStatsRow = { grp: string; variantKey: string; n: number; multiple: number } & Record<
  string,
  number | string
>;

export type StatsMetric = "proportion" | "mean" | "ratio";

/** How one metric becomes per-unit measures and, from an aggregate row, the arm's sufficient statistics. */
export type MetricPlan = {
  metric: StatsMetric;
  measures: Measure[];
  crosses: Cross[];
  arm: (row: ArmStatsRow | undefined) => MeanArm | RatioArm;
};

const num = (row: ArmStatsRow | undefined, column: string) => Number(row?.[column] ?? 0);

function meanPlan(metric: "proportion" | "mean", name: string, expr: Prisma.Sql): MetricPlan {
  return {
    metric,
    // A proportion is "had a first qualifying event": the incremental statistics file it under that event's day.
    measures: [{ name, expr, first: metric === "proportion" }],
    crosses: [],
    arm: (row) => ({ n: num(row, "n"), sum: num(row, `${name}__sum`), sumSquares: num(row, `${name}__sq`) }),
  };
}

export const CTR_CLICKS = ["message_clicked"] as const;
export const CTR_DELIVERIES = ["message_delivered"] as const;
// A complaint (spam report) counts with failures; delivery may write either name.
export const FAILED_EVENTS = ["message_failed", "message_complained"] as const;

/** The per-unit measures of a goal metric; `tag` keeps the column names of several metrics apart. */
export function metricPlan(scope: UnitScope, campaignId: string, metric: Metric, tag: string): MetricPlan {
  if (metric.kind === "conversion")
    return meanPlan("proportion", tag, convertedWithin(scope, metric.event, metric.windowHours));
  if (metric.kind === "revenue_per_recipient")
    return meanPlan("mean", tag, revenueWithin(scope, metric.event, metric.windowHours));
  const num_ = `${tag}n`;
  const den = `${tag}d`;
  return {
    metric: "ratio",
    measures: [
      { name: num_, expr: campaignEventCount(scope, campaignId, CTR_CLICKS) },
      { name: den, expr: campaignEventCount(scope, campaignId, CTR_DELIVERIES) },
    ],
    crosses: [[num_, den]],
    arm: (row) => ({
      n: num(row, "n"),
      numSum: num(row, `${num_}__sum`),
      numSumSquares: num(row, `${num_}__sq`),
      denSum: num(row, `${den}__sum`),
      denSumSquares: num(row, `${den}__sq`),
      numDenSum: num(row, `${num_}__x__${den}`),
    }),
  };
}

/** A guardrail is a proportion: exposed profiles with an unsubscribe (or a failure) of this campaign since exposure. */
export function guardrailPlan(scope: UnitScope, campaignId: string, guardrail: Guardrail, tag: string): MetricPlan {
  const names = guardrail.kind === "unsubscribe_rate" ? ["message_unsubscribed"] : [...FAILED_EVENTS];
  return meanPlan("proportion", tag, campaignEventAny(scope, campaignId, names));
}

/** The event names an experiment's measures read: an event with another name cannot change its readout. */
export function readoutEventNames(e: {
  primaryMetric: Metric;
  secondaryMetrics: Metric[];
  guardrails: Guardrail[];
}): string[] {
  const ofMetric = (m: Metric): readonly string[] =>
    m.kind === "ctr" ? [...CTR_CLICKS, ...CTR_DELIVERIES] : [m.event];
  const ofGuardrail = (g: Guardrail): readonly string[] =>
    g.kind === "unsubscribe_rate" ? ["message_unsubscribed"] : FAILED_EVENTS;
  return [
    ...new Set([...[e.primaryMetric, ...e.secondaryMetrics].flatMap(ofMetric), ...e.guardrails.flatMap(ofGuardrail)]),
  ].sort();
}

export function metricLabel(metric: Metric): string {
  if (metric.kind === "conversion") return `conversion (${metric.event} within ${metric.windowHours} h)`;
  if (metric.kind === "revenue_per_recipient")
    return `revenue per recipient (${metric.event} within ${metric.windowHours} h)`;
  return "click-through rate (clicks / deliveries)";
}
