import { runSegmentQuery } from "@/lib/segments/run-query";
import { getWorkspaceCurrency } from "@/lib/workspace/settings";
import { campaignAudienceSql } from "@/lib/delivery/audience";
import { calculatePlan, type Plan } from "./calculate-plan";
import type { CalculatorRequest } from "./schema";
import { armMoments } from "@/lib/experiments/stats/moments";
import { audienceSizeSql, baselineSql, sendRateSql } from "./sql";

const DAY = 86_400_000;
// History the baseline and the send rate read: long enough for the demo's past campaigns.
const HISTORY_DAYS = 90;
// Below this many delivered profiles in the audience, the channel-wide baseline is steadier.
const MIN_BASELINE_UNITS = 100;

export type Baseline =
  { scope: "audience" | "channel"; units: number; mean: number; variance: number } | { scope: "none"; reason: string };

export type ExperimentPlan = Plan & {
  audienceSize: number;
  baseline: Baseline;
  sendRatePerDay: number | null;
  sendRateSource: "history" | "given" | "none";
  currency: string;
};

type Row = {
  n: number;
  sum: number;
  sumSquares: number;
  numSum: number;
  numSumSquares: number;
  denSum: number;
  denSumSquares: number;
  numDenSum: number;
};

/**
 * The metric's per-profile mean and variance after past deliveries on the channel (the audience's, when it has enough).
 */
async function baselineOf(
  workspaceId: string,
  request: CalculatorRequest,
  audience: Awaited<ReturnType<typeof campaignAudienceSql>> | null,
  now: Date,
): Promise<Baseline> {
  const since = new Date(now.getTime() - HISTORY_DAYS * DAY);
  const m = request.metric;
  const value = m.kind === "ctr" ? "ctr" : m.kind === "conversion" ? "conversion" : "revenue";
  const event = m.kind === "ctr" ? "" : m.event;
  const hours = m.kind === "ctr" ? 1 : m.windowHours;
  const read = async (a: typeof audience) =>
    (await runSegmentQuery<Row[]>(baselineSql(workspaceId, request.channel, since, now, value, event, hours, a)))[0]!;
  let row = audience ? await read(audience) : null;
  let scope: "audience" | "channel" = "audience";
  if (!row || row.n < MIN_BASELINE_UNITS) {
    row = await read(null);
    scope = "channel";
  }
  if (row.n === 0)
    return { scope: "none", reason: `no ${request.channel} message was delivered in the last ${HISTORY_DAYS} days` };
  const moments =
    m.kind === "ctr"
      ? armMoments("ratio", row)
      : armMoments(m.kind === "conversion" ? "proportion" : "mean", {
          n: row.n,
          sum: row.sum,
          sumSquares: row.sumSquares,
        });
  if (!moments.ok) return { scope: "none", reason: `the history gives no baseline: ${moments.reason}` };
  return { scope, units: row.n, mean: moments.mean, variance: moments.variance };
}

export type PlanContext = {
  audienceSize: number;
  baseline: Baseline;
  sendRatePerDay: number | null;
  sendRateSource: ExperimentPlan["sendRateSource"];
};

/**
 * What the calculator reads from the database: audience size, the metric's baseline, the channel's send rate (unless
 * given).
 */
export async function planContext(
  workspaceId: string,
  request: CalculatorRequest,
  now = new Date(),
): Promise<PlanContext> {
  const audience = await campaignAudienceSql(workspaceId, request.audience, now);
  const size = (await runSegmentQuery<{ size: number }[]>(audienceSizeSql(audience)))[0]?.size ?? 0;
  const scoped = request.audience.kind === "all" ? null : audience;
  const baseline = await baselineOf(workspaceId, request, scoped, now);
  let sendRatePerDay = request.sendRatePerDay;
  let sendRateSource: ExperimentPlan["sendRateSource"] = "given";
  if (sendRatePerDay === null) {
    const [rate] = await runSegmentQuery<{ perDay: number; days: number }[]>(
      sendRateSql(workspaceId, request.channel, new Date(now.getTime() - HISTORY_DAYS * DAY), now, scoped),
    );
    sendRatePerDay = rate && rate.days > 0 ? Math.round(rate.perDay) : null;
    sendRateSource = sendRatePerDay ? "history" : "none";
  }
  return { audienceSize: size, baseline, sendRatePerDay, sendRateSource };
}

/** A baseline as calculatePlan takes it: the mean and variance, or null with the reason. */
export function planBaseline(baseline: Baseline): {
  baseline: { mean: number; variance: number } | null;
  baselineReason?: string;
} {
  return baseline.scope === "none"
    ? { baseline: null, baselineReason: baseline.reason }
    : { baseline: { mean: baseline.mean, variance: baseline.variance } };
}

/**
 * The calculator for an experiment being edited: audience size, baseline and send rate from the database, then
 * calculatePlan.
 */
export async function planExperiment(
  workspaceId: string,
  request: CalculatorRequest,
  now = new Date(),
): Promise<ExperimentPlan> {
  const [context, currency] = await Promise.all([
    planContext(workspaceId, request, now),
    getWorkspaceCurrency(workspaceId),
  ]);
  const plan = calculatePlan({
    audienceSize: context.audienceSize,
    ...planBaseline(context.baseline),
    weights: request.weights,
    holdoutShare: request.holdoutShare,
    alpha: request.alpha,
    target: request.target,
    plannedSampleSize: request.plannedSampleSize,
    sendRatePerDay: context.sendRatePerDay,
  });
  return { ...plan, ...context, currency };
}
