import { estimateRate, MIN_RATE_N } from "@/lib/analytics/uncertainty";
import { analyze } from "@/lib/experiments/stats/analyze";
import { frequentist } from "@/lib/experiments/stats/frequentist";
import { proportionMoments } from "@/lib/experiments/stats/moments";
import { statsRequestSchema } from "@/lib/experiments/stats/schema";
import type { RandomSplitStats } from "./api-schema";
import type { Split } from "./schema";

type RandomSplit = Extract<Split, { type: "random" }>;
type Counts = { n: number; converted: number };

const ALPHA = 0.05;
const arm = (name: string, c: Counts) => ({ name, ...c, rate: estimateRate(c.converted, c.n) });

/**
 * A random split's goal conversion read with the experiments' statistics (lib/experiments/stats,
 * frequentist with Holm, as an experiment's default readout): the arms' relative lifts over the
 * first arm, with the readout's decision sentence (SRM against the arms' percentages included); and
 * the arms together against the holdout as an absolute difference (Welch), since a holdout's rate may
 * be 0 where a relative lift has no value. Entries are the units: a profile that re-entered counts
 * once per entry, each drawn afresh (drawArm).
 */
export function randomSplitStats(
  nodeId: string,
  split: RandomSplit,
  arms: ReadonlyMap<string, Counts>,
  holdout: Counts,
): RandomSplitStats {
  const counts = split.arms.map((a) => arms.get(a.name) ?? { n: 0, converted: 0 });
  const total = split.arms.reduce((s, a) => s + a.percent, 0);
  const request = statsRequestSchema.parse({
    metric: "proportion",
    control: { name: split.arms[0]!.name, n: counts[0]!.n, sum: counts[0]!.converted },
    variants: split.arms.slice(1).map((a, i) => ({ name: a.name, n: counts[i + 1]!.n, sum: counts[i + 1]!.converted })),
    weights: split.arms.map((a) => a.percent / total),
  });
  const report = analyze(request);
  const treated = counts.reduce((s, c) => ({ n: s.n + c.n, converted: s.converted + c.converted }), {
    n: 0,
    converted: 0,
  });
  return {
    nodeId,
    arms: split.arms.map((a, i) => arm(a.name, counts[i]!)),
    holdout: split.holdoutPercent > 0 ? arm("holdout", holdout) : null,
    lifts: report.variants.map((v) => ({
      name: v.name,
      lift: v.ok
        ? { ok: true, value: v.lift, ciLow: v.ciLow, ciHigh: v.ciHigh, pValue: v.adjustedPValue ?? v.pValue ?? 1 }
        : { ok: false, reason: v.reason },
    })),
    decision: report.decision.sentence,
    holdoutDifference: split.holdoutPercent > 0 ? difference(holdout, treated) : null,
  };
}

function difference(holdout: Counts, treated: Counts): RandomSplitStats["holdoutDifference"] {
  // The reports' rule for a rate holds for a difference of two: not drawn on too few.
  if (holdout.n < MIN_RATE_N)
    return { ok: false, reason: `too few in the holdout (n = ${holdout.n}; needs ${MIN_RATE_N})` };
  const a = proportionMoments({ n: holdout.n, sum: holdout.converted, sumSquares: holdout.converted });
  if (!a.ok) return { ok: false, reason: `holdout: ${a.reason}` };
  const b = proportionMoments({ n: treated.n, sum: treated.converted, sumSquares: treated.converted });
  if (!b.ok) return { ok: false, reason: `arms: ${b.reason}` };
  const r = frequentist(a, b, { alpha: ALPHA, relative: false });
  return r.ok ? { ok: true, value: r.lift, ciLow: r.ciLow, ciHigh: r.ciHigh, pValue: r.pValue } : r;
}
