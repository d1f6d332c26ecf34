import { db } from "@/lib/db";
import { campaignProgress } from "@/lib/delivery/campaign-progress";
import { personaAssignmentSql } from "@/lib/personas/assign-personas";
import { getWorkspaceCurrency } from "@/lib/workspace/settings";
import { runSegmentQuery, savedAudienceSql } from "@/lib/segments";
import { computeReadout, liftEstimate, type Estimate, type Readout } from "./compute-readout";
import { experimentHealth, type ExperimentHealth } from "./experiment-health";
import { getExperiment, type ExperimentDetail } from "./get-experiment";
import { guardrailPlan, metricLabel, metricPlan, type ArmStatsRow, type MetricPlan } from "./metric-measures";
import { HOLDOUT } from "./schema";
import { MIN_CONVERSIONS_PER_ARM, MIN_EXPOSURES_PER_ARM } from "./stats";
import { armStatisticsSql, conversionDaysSql, type Grouping, type UnitScope } from "./sql";

export type CumulativePoint = { day: string; exposed: number; lifts: Record<string, Estimate> };
export type BreakdownGroup = { id: string; name: string; arms: { key: string; exposed: number; rate: number | null }[]; lifts: Record<string, Estimate> };
export type Breakdown = { groups: BreakdownGroup[]; reason?: string };

export type ExperimentReadout = Readout & {
  experiment: ExperimentDetail;
  /** The workspace's currency (ISO 4217) revenue metrics are in. */
  currency: string;
  health: ExperimentHealth;
  cumulative: CumulativePoint[];
  byPersona: Breakdown;
  bySegment: Breakdown;
};

// Segments a breakdown shows at most (the most recently changed): each adds an audience to the statement.
const MAX_SEGMENTS = 8;

function plansOf(e: ExperimentDetail, scope: UnitScope) {
  const campaignId = e.campaign?.id ?? "";
  const primary = { label: metricLabel(e.primaryMetric), plan: metricPlan(scope, campaignId, e.primaryMetric, "p") };
  const secondary = e.secondaryMetrics.map((m, i) => ({ label: metricLabel(m), plan: metricPlan(scope, campaignId, m, `s${i}`) }));
  const guardrails = e.guardrails.map((g, i) => ({ guardrail: g, plan: guardrailPlan(scope, campaignId, g, `g${i}`) }));
  return { primary, secondary, guardrails };
}

const run = (sql: ReturnType<typeof armStatisticsSql>) => runSegmentQuery<ArmStatsRow[]>(sql);

/** Lifts of every variant against the control, within one group's rows. */
function groupLifts(e: ExperimentDetail, plan: MetricPlan, rows: ArmStatsRow[], minimum = false) {
  const rowOf = new Map(rows.map((r) => [r.variantKey, r]));
  const control = plan.arm(rowOf.get(e.variants[0]!.key));
  const lifts: Record<string, Estimate> = {};
  for (const v of e.variants.slice(1)) {
    const treatment = plan.arm(rowOf.get(v.key));
    // Early days of a cumulative chart: below the decision rule's minimum an interval is all noise.
    if (minimum && [control, treatment].some((a) => a.n < MIN_EXPOSURES_PER_ARM || ("sum" in a && plan.metric === "proportion" && a.sum < MIN_CONVERSIONS_PER_ARM))) {
      lifts[v.key] = { ok: false, reason: `too little data yet (${MIN_EXPOSURES_PER_ARM} exposed and ${MIN_CONVERSIONS_PER_ARM} conversions per arm)` };
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
 * The readout of one experiment: one aggregate over its exposures for every metric and guardrail,
 * then lib/experiments/stats; plus the cumulative lift by exposure day and the persona and segment
 * breakdowns (one aggregate each, primary metric only, uncorrected: exploratory).
 */
export async function getReadout(workspaceId: string, experimentId: string, options: { breakdowns?: boolean; now?: Date } = {}): Promise<ExperimentReadout> {
  const [experiment, currency] = await Promise.all([getExperiment(workspaceId, experimentId), getWorkspaceCurrency(workspaceId)]);
  const campaignId = experiment.campaign?.id;
  const progress = campaignId ? (await campaignProgress(workspaceId, [campaignId])).get(campaignId) : undefined;
  const scope = { workspaceId, experimentId };
  const plans = plansOf(experiment, scope);
  const all = [plans.primary.plan, ...plans.secondary.map((s) => s.plan), ...plans.guardrails.map((g) => g.plan)];
  const rows = await run(armStatisticsSql(scope, all.flatMap((p) => p.measures), all.flatMap((p) => p.crosses)));
  const readout = computeReadout({
    variants: experiment.variants.map((v) => ({ key: v.key, name: v.name, weight: v.weight })),
    holdoutShare: experiment.holdoutShare,
    stats: experiment.stats,
    plannedSampleSize: experiment.plannedSampleSize,
    rows,
    ...plans,
  });
  const withBreakdowns = options.breakdowns ?? true;
  const [cumulative, byPersona, bySegment] = withBreakdowns
    ? await Promise.all([cumulativeLift(experiment, scope, plans.primary.plan), personaBreakdown(experiment, scope, plans.primary.plan), segmentBreakdown(experiment, scope, plans.primary.plan)])
    : [[], { groups: [] }, { groups: [] }];
  const health = experimentHealth({
    now: options.now ?? new Date(),
    startedAt: experiment.startedAt,
    campaignStatus: experiment.campaign?.status ?? null,
    observed: readout.srm.observed,
    multipleExposed: readout.multipleExposed,
    launch: experiment.launchEstimate,
    messages: progress ? { total: progress.total, waiting: progress.queued + progress.sending, skipped: progress.skipped, skipReasons: progress.skipReasons } : null,
    srm: readout.srm,
  });
  return { ...readout, experiment, currency, health, cumulative, byPersona, bySegment };
}

const DAY = 86_400_000;
// Days the cumulative chart shows at most after the first exposure.
const MAX_DAYS = 60;

/** Lift of each variant on everyone exposed up to each day: a novelty effect shows as a fading line. */
async function cumulativeLift(e: ExperimentDetail, scope: UnitScope, plan: MetricPlan): Promise<CumulativePoint[]> {
  if (e.primaryMetric.kind === "conversion") return cumulativeConversion(e, scope, plan, e.primaryMetric.event, e.primaryMetric.windowHours);
  const rows = await run(armStatisticsSql(scope, plan.measures, plan.crosses, { kind: "day" }));
  const days = [...new Set(rows.map((r) => r.grp))].sort();
  const running = new Map<string, ArmStatsRow>();
  return days.map((day) => {
    for (const r of rows.filter((x) => x.grp === day)) {
      const prev = running.get(r.variantKey);
      const next = { ...r } as ArmStatsRow;
      if (prev) for (const [k, v] of Object.entries(r)) if (typeof v === "number") (next as Record<string, unknown>)[k] = v + Number(prev[k] ?? 0);
      running.set(r.variantKey, next);
    }
    const current = [...running.values()];
    return { day, exposed: current.reduce((s, r) => s + r.n, 0), lifts: groupLifts(e, plan, current, true) };
  });
}

function groupsOf(e: ExperimentDetail, plan: MetricPlan, rows: ArmStatsRow[], nameOf: (id: string) => string): BreakdownGroup[] {
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
  if (!assignment) return { groups: [], reason: "No persona is bound to a segment yet, so profiles cannot be grouped by persona." };
  const rows = await run(armStatisticsSql(scope, plan.measures, plan.crosses, { kind: "persona", assignment }));
  const personas = await db.persona.findMany({ where: { workspaceId: scope.workspaceId }, select: { id: true, name: true } });
  const nameOf = new Map(personas.map((p) => [p.id, p.name]));
  return { groups: groupsOf(e, plan, rows, (id) => (id === "" ? "No persona" : (nameOf.get(id) ?? "Unknown persona"))) };
}

async function segmentBreakdown(e: ExperimentDetail, scope: UnitScope, plan: MetricPlan): Promise<Breakdown> {
  const segments = await db.segment.findMany({ where: { workspaceId: scope.workspaceId }, orderBy: { updatedAt: "desc" }, take: MAX_SEGMENTS, select: { id: true, name: true } });
  if (segments.length === 0) return { groups: [], reason: "There are no saved segments to break the results down by." };
  const at = e.startedAt ? new Date(e.startedAt) : new Date();
  const audiences = await Promise.all(segments.map(async (s) => ({ segmentId: s.id, audience: await savedAudienceSql(scope.workspaceId, s.id, { now: at }) })));
  const grouping: Grouping = { kind: "segment", audiences };
  const rows = await run(armStatisticsSql(scope, plan.measures, plan.crosses, grouping));
  const nameOf = new Map(segments.map((s) => [s.id, s.name]));
  return { groups: groupsOf(e, plan, rows, (id) => nameOf.get(id) ?? id) };
}

/** Conversion metrics: the readout as it stood at the end of each day, conversions accruing too. */
async function cumulativeConversion(e: ExperimentDetail, scope: UnitScope, plan: MetricPlan, event: string, hours: number): Promise<CumulativePoint[]> {
  const rows = await runSegmentQuery<{ variantKey: string; exposedDay: string; convertedDay: string | null; units: number }[]>(conversionDaysSql(scope, event, hours));
  if (rows.length === 0) return [];
  const first = Date.parse(rows.map((r) => r.exposedDay).sort()[0]!);
  const lastSeen = Math.max(...rows.map((r) => Date.parse(r.convertedDay ?? r.exposedDay)));
  const end = Math.min(lastSeen, first + MAX_DAYS * DAY, Date.now());
  const points: CumulativePoint[] = [];
  for (let t = first; t <= end; t += DAY) {
    const day = new Date(t).toISOString().slice(0, 10);
    const byArm = new Map<string, ArmStatsRow>();
    for (const r of rows) {
      if (r.exposedDay > day) continue;
      const arm = byArm.get(r.variantKey) ?? ({ grp: "", variantKey: r.variantKey, n: 0, multiple: 0, p__sum: 0, p__sq: 0 } as ArmStatsRow);
      arm.n += r.units;
      if (r.convertedDay !== null && r.convertedDay <= day) {
        arm.p__sum = Number(arm.p__sum) + r.units;
        arm.p__sq = Number(arm.p__sq) + r.units;
      }
      byArm.set(r.variantKey, arm);
    }
    const current = [...byArm.values()];
    points.push({ day, exposed: current.reduce((s, r) => s + r.n, 0), lifts: groupLifts(e, plan, current, true) });
  }
  return points;
}
