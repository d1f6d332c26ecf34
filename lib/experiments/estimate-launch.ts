import { prelaunchSummary } from "@/lib/delivery/prelaunch-summary";
import { AppError } from "@/lib/http/errors";
import { getExperiment } from "./get-experiment";
import { assessLaunch, type LaunchEstimate } from "./launch-estimate";
import { planBaseline, planContext } from "./plan-experiment";
import { TARGET_POWER } from "./calculate-plan";
import type { CalculatorRequest } from "./schema";

/**
 * The estimate "Launch" shows and the launch guard checks: the experiment campaign's pre-launch
 * summary (who policy would skip and why) at the time it sends — a fixed time when scheduled,
 * else now — and the calculator's baseline and send rate for the primary metric.
 */
export async function estimateLaunch(
  workspaceId: string,
  experimentId: string,
  now = new Date(),
): Promise<LaunchEstimate> {
  const e = await getExperiment(workspaceId, experimentId);
  if (!e.campaign)
    throw new AppError(409, "no_campaign", "This experiment has no campaign to send it; create the experiment again.");
  const schedule = e.campaign.schedule;
  const scheduled = schedule.kind === "at" ? new Date(schedule.at) : null;
  const at = scheduled && scheduled > now ? scheduled : now;
  const summary = await prelaunchSummary(workspaceId, e.campaign.id, at);
  const context = await planContext(
    workspaceId,
    {
      channel: e.campaign.channel as CalculatorRequest["channel"],
      audience: e.campaign.audience,
      metric: e.primaryMetric,
      weights: e.variants.map((v) => v.weight),
      holdoutShare: e.holdoutShare,
      alpha: e.stats.alpha,
      target: { solve: "mde", power: TARGET_POWER },
      plannedSampleSize: e.plannedSampleSize,
      sendRatePerDay: null,
    },
    now,
  );
  return assessLaunch(
    {
      channel: e.campaign.channel,
      audience: summary.audience,
      skips: summary.skips,
      reachable: summary.willSend,
      triggered: summary.triggered,
      atNow: at === now,
      variants: e.variants,
      holdoutShare: e.holdoutShare,
      plannedSampleSize: e.plannedSampleSize,
      alpha: e.stats.alpha,
      ...planBaseline(context.baseline),
      historySendRatePerDay: context.sendRatePerDay,
    },
    at,
  );
}
