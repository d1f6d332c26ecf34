import { unitHash } from "@/lib/experiments/assign-arm";
import type { Split } from "../schema";

type RandomSplit = Extract<Split, { type: "random" }>;

/**
 * A random split's draw for one entry: deterministic in (journey, step, occurrence, profile), so a
 * retried run draws the same arm, and a re-entry draws afresh. The holdout share is taken first
 * (those exit as the journey's control), then the arms split the rest by their percentages — the
 * experiments' assignment rule (lib/experiments/assign-arm.ts), on the same hash.
 */
export function drawArm(
  split: RandomSplit,
  key: { journeyId: string; nodeId: string; occurrence: number; profileId: string },
): { holdout: true } | { holdout: false; arm: string } {
  const u = unitHash(`journey:${key.journeyId}:${key.nodeId}:${key.occurrence}`, key.profileId);
  const holdout = split.holdoutPercent / 100;
  if (u < holdout) return { holdout: true };
  const total = split.arms.reduce((sum, arm) => sum + arm.percent, 0);
  let roll = ((u - holdout) / (1 - holdout)) * total;
  for (const arm of split.arms) {
    roll -= arm.percent;
    if (roll < 0) return { holdout: false, arm: arm.name };
  }
  return { holdout: false, arm: split.arms.at(-1)!.name };
}
