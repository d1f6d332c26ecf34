import { z } from "zod";
import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";
import { calculatePlan, TARGET_POWER, type Figure } from "./calculate-plan";
import { HOLDOUT } from "./schema";
import { MIN_EXPOSURES_PER_ARM } from "@/lib/experiments/stats/decision";

/*
 * What launching an experiment would do, from the campaign's pre-launch summary (lib/delivery:
 * audience, policy skips by reason) and the calculator's plan for the profiles policy lets through:
 * how many would be exposed per arm (the holdout included), how long the planned sample takes, and
 * whether the launch may go ahead at all. Pure: the caller (estimate-launch.ts) reads the database.
 */

export type LaunchEstimateInput = {
  channel: string;
  audience: number;
  skips: { reason: string; count: number }[];
  /** Profiles policy lets through: the first send's expected exposures. */
  reachable: number;
  /** A triggered campaign sends as events arrive: its exposures come per day, not in one send. */
  triggered: boolean;
  /** The estimate's instant: the scheduled time, or now (true). */
  atNow: boolean;
  variants: { key: string; name: string; weight: number }[];
  holdoutShare: number;
  plannedSampleSize: number | null;
  alpha: number;
  /**
   * The primary metric's per-profile mean and variance in the channel's history (the calculator's); null with the
   * reason.
   */
  baseline: { mean: number; variance: number } | null;
  baselineReason?: string;
  /** Profiles a day the channel recently sent to in this audience: a trigger's pace. */
  historySendRatePerDay: number | null;
};

export type LaunchEstimate = {
  at: string;
  audience: number;
  skips: { reason: string; count: number }[];
  reachable: number;
  triggered: boolean;
  /**
   * Exposures a day per arm: the whole first send for a one-off or recurring send, the recent daily rate for a trigger.
   */
  arms: { key: string; name: string; share: number; perDay: number }[];
  plannedSampleSize: number | null;
  /**
   * The smallest relative lift detectable at 80 % power with what the experiment will have: the planned sample if it
   * gets there, else one send's reach.
   */
  mde: Figure | null;
  /** Days until the smallest arm reaches the planned sample. */
  days: Figure;
  /** Why the launch is refused (nobody would be exposed); null when it may go ahead. */
  refusal: string | null;
  /** What the marketer should know before confirming. */
  warnings: string[];
};

/** What the experiment keeps of its launch estimate (Experiment.launchEstimate), for the readout's health panel. */
export const launchRecordSchema = z.object({
  at: z.string(),
  audience: z.number(),
  skips: z.array(z.object({ reason: z.string(), count: z.number() })),
  reachable: z.number(),
  triggered: z.boolean(),
  arms: z.array(z.object({ key: z.string(), name: z.string(), share: z.number(), perDay: z.number() })),
});
export type LaunchRecord = z.infer<typeof launchRecordSchema>;

export const launchRecordOf = (e: LaunchEstimate): LaunchRecord => ({
  at: e.at,
  audience: e.audience,
  skips: e.skips,
  reachable: e.reachable,
  triggered: e.triggered,
  arms: e.arms,
});

const count = (n: number) => n.toLocaleString("en");
const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Why policy skips a profile, as the rest of a sentence about one profile or many. */
function skipPhrase(reason: string, channel: string, atNow: boolean): { one: string; many: string } {
  const info = CHANNEL_INFO[channel as Channel];
  // Mid-sentence: "e-mail consent", "mobile push consent", but "SMS consent".
  const label = (info?.label ?? channel).replace(/^[A-Z](?=[a-z-])/, (c) => c.toLowerCase());
  const when = atNow ? "today" : "at the send time";
  switch (reason) {
    case "no_consent":
      return { one: `has no ${label} consent`, many: `have no ${label} consent` };
    case "unsubscribed":
      return { one: "unsubscribed from the campaign's topic", many: "unsubscribed from the campaign's topic" };
    case "no_address": {
      const address = (info?.addressLabel ?? "address").replace(/^an? /, "");
      return { one: `has no ${address}`, many: `have no ${address}` };
    }
    case "frequency_cap":
      return { one: `is at their frequency cap ${when}`, many: `are at their frequency cap ${when}` };
    case "quiet_hours":
      return { one: "is in quiet hours at the send time", many: "are in quiet hours at the send time" };
    default:
      return { one: `is skipped (${reason})`, many: `are skipped (${reason})` };
  }
}

/** "all 347 are at their frequency cap today", or each reason's share when several. */
export function noReachReason(
  audience: number,
  skips: { reason: string; count: number }[],
  channel: string,
  atNow: boolean,
): string {
  if (audience === 0) return "the audience is empty";
  const nonzero = skips.filter((s) => s.count > 0);
  if (nonzero.length === 1) {
    const phrase = skipPhrase(nonzero[0]!.reason, channel, atNow);
    return audience === 1 ? `its one profile ${phrase.one}` : `all ${count(audience)} ${phrase.many}`;
  }
  return (
    `of the ${count(audience)}, ` +
    nonzero
      .map((s) => {
        const phrase = skipPhrase(s.reason, channel, atNow);
        return `${count(s.count)} ${s.count === 1 ? phrase.one : phrase.many}`;
      })
      .join(", ")
  );
}

// Skips that pass with time: a trigger sends later, when caps and quiet hours allow.
const PASSING = new Set(["frequency_cap", "quiet_hours"]);

export function assessLaunch(input: LaunchEstimateInput, at: Date): LaunchEstimate {
  const { reachable, plannedSampleSize } = input;
  // The calculator with the reachable profiles as the audience: one send exposes them all on one day.
  const planFor = (planned: number | null) =>
    calculatePlan({
      audienceSize: reachable,
      baseline: input.baseline,
      baselineReason: input.baselineReason,
      weights: input.variants.map((v) => v.weight),
      holdoutShare: input.holdoutShare,
      alpha: input.alpha,
      target: { solve: "mde", power: TARGET_POWER },
      plannedSampleSize: planned,
      sendRatePerDay: input.triggered ? input.historySendRatePerDay : reachable,
    });
  const plan = planFor(plannedSampleSize);
  const shares = [
    ...input.variants.map((v) => ({ key: v.key, name: v.name, share: (1 - input.holdoutShare) * v.weight })),
    ...(input.holdoutShare > 0 ? [{ key: HOLDOUT, name: "Holdout", share: input.holdoutShare }] : []),
  ];
  const perDay = input.triggered ? (input.historySendRatePerDay ?? 0) : reachable;
  const arms = shares.map((a) => ({ ...a, perDay: Math.round(perDay * a.share) }));
  const smallest = Math.floor(perDay * plan.smallestShare);
  const warnings: string[] = [];
  let refusal: string | null = null;

  const why = noReachReason(input.audience, input.skips, input.channel, input.atNow);
  if (!input.triggered && reachable === 0)
    refusal = `Nobody would be exposed: ${why}. Launch when they can be reached (or pick another audience).`;
  if (input.triggered && reachable === 0) {
    const later = input.skips.filter((s) => PASSING.has(s.reason)).reduce((sum, s) => sum + s.count, 0);
    if (later === 0) refusal = `Nobody could ever be exposed: ${why}. Pick another audience or channel.`;
    else
      warnings.push(
        `Nobody is reachable right now (${why}); the trigger sends as events arrive, once caps and quiet hours allow.`,
      );
  }

  // A one-off (or recurring) send exposes its reach once: a plan that needs more days is not reached at all.
  const oneOff = !input.triggered;
  const nobody: Figure = { ok: false, reason: "nobody would be exposed" };
  const reachedByOneSend = oneOff && plan.days.ok && plan.days.value <= 1;
  const days: Figure = !plannedSampleSize
    ? { ok: false, reason: "no planned sample: set one with the calculator" }
    : !oneOff
      ? plan.days
      : reachable === 0
        ? nobody
        : reachedByOneSend
          ? plan.days
          : {
              ok: false,
              reason: `not reached: one send gives the smallest arm ${pct(smallest / plannedSampleSize)} of it`,
            };
  if (refusal === null) {
    if (plannedSampleSize && oneOff && !reachedByOneSend) {
      warnings.push(
        `Below the planned sample: this send exposes about ${count(smallest)} profiles in the ` +
          `smallest arm, ${pct(smallest / plannedSampleSize)} of the planned ` +
          `${count(plannedSampleSize)}. The readout will say "keep running" until more profiles are ` +
          `exposed.`,
      );
    } else if (plannedSampleSize && !oneOff && !plan.days.ok) {
      warnings.push(`The planned sample of ${count(plannedSampleSize)} per arm cannot be timed: ${plan.days.reason}.`);
    } else if (!plannedSampleSize && oneOff && smallest < MIN_EXPOSURES_PER_ARM) {
      warnings.push(
        `Below the decision rule's minimum: every arm needs ${MIN_EXPOSURES_PER_ARM} exposed ` +
          `profiles before any call, and this send gives the smallest arm about ${count(smallest)}.`,
      );
    }
  }
  const mde =
    oneOff && reachable === 0
      ? nobody
      : !oneOff || (plannedSampleSize && reachedByOneSend)
        ? plan.mde
        : planFor(null).mde;

  return {
    at: at.toISOString(),
    audience: input.audience,
    skips: input.skips,
    reachable,
    triggered: input.triggered,
    arms,
    plannedSampleSize,
    mde,
    days,
    refusal,
    warnings,
  };
}
