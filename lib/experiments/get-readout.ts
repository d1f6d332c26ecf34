import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import { campaignProgress } from "@/lib/delivery/campaign-progress";
import { personaAssignmentSql } from "@/lib/personas/assign-personas";
import { getWorkspaceCurrency } from "@/lib/workspace/settings";
import { runSegmentQuery } from "@/lib/segments/run-query";
import { savedAudienceSql } from "@/lib/segments/saved-audience";
import { cachedBreakdown, peekBreakdown } from "./breakdown-cache";
import { computeReadout, liftEstimate, type Estimate, type Readout } from "./compute-readout";
import { experimentHealth, type ExperimentHealth } from "./experiment-health";
import { getExperiment, type ExperimentDetail } from "./get-experiment";
import type { ArmStatsRow, MetricPlan } from "./metric-measures";
import {
  allPlans,
  armRows,
  dailyStatistics,
  drainReadoutStatistics,
  plansOf,
  type DailyStat,
} from "./readout-statistics";
import { HOLDOUT } from "./schema";
import { MIN_CONVERSIONS_PER_ARM, MIN_EXPOSURES_PER_ARM } from "@/lib/experiments/stats/decision";
import { breakdownStatisticsSql, type Grouping, type UnitScope } from "./sql";

export type CumulativePoint = { day: string; exposed: number; lifts: Record<string, Estimate> };
export type BreakdownGroup = {
  id: string;
  name: string;
  arms: { key: string; exposed: number; rate: number | null }[];
  lifts: Record<string, Estimate>;
};
/**
 * A breakdown: computed on demand (its tab), once per data version, then cached. `asOf` is when it
 * was computed; `pending` (readouts that skip uncached breakdowns) means "ask GET …/readout/breakdown".
 */
export type Breakdown = { groups: BreakdownGroup[]; reason?: string; asOf?: string; pending?: boolean };
export type BreakdownKind = "persona" | "segment";

export type ExperimentReadout = Readout & {
  experiment: ExperimentDetail;
  /** The workspace's currency (ISO 4217) revenue metrics are in. */
  currency: string;
  health: ExperimentHealth;
  cumulative: CumulativePoint[];
  byPersona: Breakdown;
  bySegment: Breakdown;
  /** Units whose latest events were not counted yet (a readout counts at most READ_DRAIN_LIMIT before answering). */
  uncounted: number;
};

// Segments a breakdown shows at most (the most recently changed): each adds an audience to the statement.
const MAX_SEGMENTS = 8;

const run = (sql: ReturnType<typeof breakdownStatisticsSql>) => runSegmentQuery<ArmStatsRow[]>(sql);

// Dirty units a readout recomputes before answering; the worker drains the rest in the background.
const READ_DRAIN_LIMIT = 20_000;

/** Lifts of every variant against the control, within one group's rows. */
function groupLifts(e: ExperimentDetail, plan: MetricPlan, rows: ArmStatsRow[], minimum = false) {
  const rowOf = new Map(rows.map((r) => [r.variantKey, r]));
  const control = plan.arm(rowOf.get(e.variants[0]!.key));
  const lifts: Record<string, Estimate> = {};
  for (const v of e.variants.slice(1)) {
    const treatment = plan.arm(rowOf.get(v.key));
    // Early days of a cumulative chart: below the decision rule's minimum an interval is all noise.
    if (
      minimum &&
      [control, treatment].some(
        (a) =>
          a.n < MIN_EXPOSURES_PER_ARM ||
          ("sum" in a && plan.metric === "proportion" && a.sum < MIN_CONVERSIONS_PER_ARM),
      )
    ) {
      lifts[v.key] = {
        ok: false,
        reason:
          `too little data yet (${MIN_EXPOSURES_PER_ARM} exposed and ${MIN_CONVERSIONS_PER_ARM} ` +
          `conversions per arm)`,
      };
      continue;
    }
    const l = liftEstimate(plan, control, treatment, e.stats);
    lifts[v.key] = l.ok ? { ok: true, value: l.value, ciLow: l.ciLow, ciHigh: l.ciHigh } : l;
  }
  return lifts;
}

function armKeys(e: ExperimentDetail) {
  return [...e.variants.map((v) => v.key), ...(e.holdoutShare > 0 ? [HOLDOUT] : [])];
}

/**
 * The readout of one experiment from its per-(arm, day, measure) statistics (readout-statistics.ts):
 * the sums over days give every metric and guardrail, then lib/experiments/stats; the same rows up to
 * each day give the cumulative lift. Breakdowns by persona and segment (primary metric only,
 * uncorrected: exploratory) read the stored unit values: `breakdowns: true` computes them (through
 * the cache), "cached" includes only cached ones (the page loads the others per tab), false none.
 */
export async function getReadout(
  workspaceId: string,
  experimentId: string,
  options: { breakdowns?: boolean | "cached"; now?: Date } = {},
): Promise<ExperimentReadout> {
  const [experiment, currency] = await Promise.all([
    getExperiment(workspaceId, experimentId),
    getWorkspaceCurrency(workspaceId),
  ]);
  const campaignId = experiment.campaign?.id;
  const scope = { workspaceId, experimentId };
  const uncounted = await drainReadoutStatistics(workspaceId, experimentId, { limit: READ_DRAIN_LIMIT, experiment });
  const [progress, stats] = await Promise.all([
    campaignId ? campaignProgress(workspaceId, [campaignId]).then((p) => p.get(campaignId)) : undefined,
    dailyStatistics(scope),
  ]);
  const plans = plansOf(experiment, scope);
  const readout = computeReadout({
    variants: experiment.variants.map((v) => ({ key: v.key, name: v.name, weight: v.weight })),
    holdoutShare: experiment.holdoutShare,
    stats: experiment.stats,
    plannedSampleSize: experiment.plannedSampleSize,
    rows: armRows(stats, allPlans(plans)),
    ...plans,
  });
  const cumulative = cumulativeLift(experiment, plans.primary.plan, stats);
  const breakdowns = options.breakdowns ?? true;
  const version = statsVersion(stats);
  const breakdown = (kind: BreakdownKind): Promise<Breakdown> =>
    breakdowns === false
      ? Promise.resolve({ groups: [] })
      : breakdowns === "cached"
        ? peekBreakdown(scope, kind, version)
        : readoutBreakdown(workspaceId, experiment, kind, version);
  const [byPersona, bySegment] = await Promise.all([breakdown("persona"), breakdown("segment")]);
  const health = experimentHealth({
    now: options.now ?? new Date(),
    startedAt: experiment.startedAt,
    campaignStatus: experiment.campaign?.status ?? null,
    observed: readout.srm.observed,
    multipleExposed: readout.multipleExposed,
    launch: experiment.launchEstimate,
    messages: progress
      ? {
          total: progress.total,
          waiting: progress.queued + progress.sending,
          skipped: progress.skipped,
          skipReasons: progress.skipReasons,
        }
      : null,
    srm: readout.srm,
  });
  return { ...readout, experiment, currency, health, cumulative, byPersona, bySegment, uncounted };
}

/** The experiment's data version: a digest of its day rows, which every counted change moves. */
const statsVersion = (stats: readonly DailyStat[]) => createHash("sha1").update(JSON.stringify(stats)).digest("hex");

/** One breakdown of the primary metric, computed once per data version (and definition of the groups). */
export async function readoutBreakdown(
  workspaceId: string,
  e: ExperimentDetail,
  kind: BreakdownKind,
  version?: string,
): Promise<Breakdown> {
  const scope = { workspaceId, experimentId: e.id };
  if (version === undefined) {
    await drainReadoutStatistics(scope.workspaceId, scope.experimentId, { limit: READ_DRAIN_LIMIT, experiment: e });
    version = statsVersion(await dailyStatistics(scope));
  }
  const plan = plansOf(e, scope).primary.plan;
  return cachedBreakdown(scope, kind, version, () =>
    kind === "persona" ? personaBreakdown(e, scope, plan) : segmentBreakdown(e, scope, plan),
  );
}

const DAY = 86_400_000;
// Days the cumulative chart shows at most after the first exposure.
const MAX_DAYS = 60;

/**
 * Lift of each variant on everyone exposed up to each day, from the same day rows as the readout: a
 * conversion (a first-event measure) counts from the day it happened, so the chart is the readout as
 * it stood at the end of each day — also for a one-off send, where only the conversions accrue.
 * Other metrics accrue by exposure day. A novelty effect shows as a fading line.
 */
function cumulativeLift(e: ExperimentDetail, plan: MetricPlan, stats: readonly DailyStat[]): CumulativePoint[] {
  const exposureDays = [
    ...new Set(stats.filter((s) => s.measure === "#n" || s.measure === "#multiple").map((s) => s.day)),
  ].sort();
  if (exposureDays.length === 0) return [];
  let days = exposureDays;
  if (e.primaryMetric.kind === "conversion") {
    const first = Date.parse(exposureDays[0]!);
    const lastSeen = Math.max(...stats.map((s) => Date.parse(s.day)));
    const end = Math.min(lastSeen, first + MAX_DAYS * DAY, Date.now());
    days = [];
    for (let t = first; t <= end; t += DAY) days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days.map((day) => {
    const current = armRows(stats, [plan], (s) => s.day <= day);
    return { day, exposed: current.reduce((sum, r) => sum + r.n, 0), lifts: groupLifts(e, plan, current, true) };
  });
}

function groupsOf(
  e: ExperimentDetail,
  plan: MetricPlan,
  rows: ArmStatsRow[],
  nameOf: (id: string) => string,
): BreakdownGroup[] {
  const ids = [...new Set(rows.map((r) => r.grp))];
  return ids
    .map((id) => {
      const own = rows.filter((r) => r.grp === id);
      const rowOf = new Map(own.map((r) => [r.variantKey, r]));
      const arms = armKeys(e).map((key) => {
        const arm = plan.arm(rowOf.get(key));
        const total = "sum" in arm ? arm.sum : arm.numSum;
        const base = "sum" in arm ? arm.n : arm.denSum;
        return { key, exposed: arm.n, rate: base > 0 ? total / base : null };
      });
      return { id, name: nameOf(id), arms, lifts: groupLifts(e, plan, own) };
    })
    .sort((a, b) => b.arms.reduce((s, x) => s + x.exposed, 0) - a.arms.reduce((s, x) => s + x.exposed, 0));
}

async function personaBreakdown(e: ExperimentDetail, scope: UnitScope, plan: MetricPlan): Promise<Breakdown> {
  const assignment = await personaAssignmentSql(scope.workspaceId, e.startedAt ? new Date(e.startedAt) : new Date());
  if (!assignment)
    return { groups: [], reason: "No persona is bound to a segment yet, so profiles cannot be grouped by persona." };
  const rows = await run(breakdownStatisticsSql(scope, plan.measures, plan.crosses, { kind: "persona", assignment }));
  const personas = await db.persona.findMany({
    where: { workspaceId: scope.workspaceId },
    select: { id: true, name: true },
  });
  const nameOf = new Map(personas.map((p) => [p.id, p.name]));
  return {
    groups: groupsOf(e, plan, rows, (id) => (id === "" ? "No persona" : (nameOf.get(id) ?? "Unknown persona"))),
  };
}

async function segmentBreakdown(e: ExperimentDetail, scope: UnitScope, plan: MetricPlan): Promise<Breakdown> {
  const segments = await db.segment.findMany({
    where: { workspaceId: scope.workspaceId },
    orderBy: { updatedAt: "desc" },
    take: MAX_SEGMENTS,
    select: { id: true, name: true },
  });
  if (segments.length === 0) return { groups: [], reason: "There are no saved segments to break the results down by." };
  const at = e.startedAt ? new Date(e.startedAt) : new Date();
  const audiences = await Promise.all(
    segments.map(async (s) => ({
      segmentId: s.id,
      audience: await savedAudienceSql(scope.workspaceId, s.id, { now: at }),
    })),
  );
  const grouping: Grouping = { kind: "segment", audiences };
  const rows = await run(breakdownStatisticsSql(scope, plan.measures, plan.crosses, grouping));
  const nameOf = new Map(segments.map((s) => [s.id, s.name]));
  return { groups: groupsOf(e, plan, rows, (id) => nameOf.get(id) ?? id) };
}
