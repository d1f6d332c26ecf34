import { db } from "@/lib/db/client";
import { applySettings } from "@/lib/db/tuned-query";
import { getExperiment, type ExperimentDetail } from "./get-experiment";
import {
  guardrailPlan,
  metricLabel,
  metricPlan,
  readoutEventNames,
  type ArmStatsRow,
  type MetricPlan,
} from "./metric-measures";
import {
  claimDirtyUnitsSql,
  crossName,
  dailyStatsSql,
  dirtyCountSql,
  lockStatisticsSql,
  pendingStatisticsSql,
  rebuildStatisticsSql,
  refreshUnitsSql,
  type UnitScope,
} from "./sql";

/*
 * The readout's incremental statistics (docs/experiments.md "The readout"). Triggers on Event and
 * Exposure mark (experiment, profile) units dirty; a drain recomputes those units' values from
 * their exposure and events and moves the per-(arm, day, measure) sums by the difference. The
 * readout drains its own experiment first, so it is exact up to what is committed.
 */

export function plansOf(e: ExperimentDetail, scope: UnitScope) {
  const campaignId = e.campaign?.id ?? "";
  const primary = { label: metricLabel(e.primaryMetric), plan: metricPlan(scope, campaignId, e.primaryMetric, "p") };
  const secondary = e.secondaryMetrics.map((m, i) => ({
    label: metricLabel(m),
    plan: metricPlan(scope, campaignId, m, `s${i}`),
  }));
  const guardrails = e.guardrails.map((g, i) => ({ guardrail: g, plan: guardrailPlan(scope, campaignId, g, `g${i}`) }));
  return { primary, secondary, guardrails };
}

export type Plans = ReturnType<typeof plansOf>;

export const allPlans = (p: Plans): MetricPlan[] => [
  p.primary.plan,
  ...p.secondary.map((s) => s.plan),
  ...p.guardrails.map((g) => g.plan),
];

const measuresOf = (plans: MetricPlan[]) => ({
  measures: plans.flatMap((p) => p.measures),
  crosses: plans.flatMap((p) => p.crosses),
});

/** Builds an experiment's statistics from scratch from its exposures (backfill, a changed definition). */
export async function rebuildReadoutStatistics(
  workspaceId: string,
  experimentId: string,
  experiment?: ExperimentDetail,
): Promise<void> {
  const e = experiment ?? (await getExperiment(workspaceId, experimentId));
  const scope = { workspaceId, experimentId };
  const { measures, crosses } = measuresOf(allPlans(plansOf(e, scope)));
  // At 1M profiles this reads every exposure's events once: far longer than Prisma's 5 s default.
  await db.$transaction(
    async (tx) => {
      // A page view may build them: its statements outlast the web sessions' statement timeout.
      await applySettings(tx, { statementTimeoutMs: 30 * 60_000 });
      await tx.$queryRaw(lockStatisticsSql(scope));
      const builtAt = new Date();
      await tx.experiment.update({
        where: { workspaceId_id: { workspaceId, id: experimentId } },
        data: { readoutEvents: readoutEventNames(e) },
      });
      for (const statement of rebuildStatisticsSql(scope, measures, crosses)) await tx.$executeRaw(statement);
      await tx.experiment.update({
        where: { workspaceId_id: { workspaceId, id: experimentId } },
        data: { readoutBuiltAt: builtAt },
      });
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}

// Units recomputed per transaction: short transactions keep the embedded server responsive.
const DRAIN_BATCH = 2_000;

/**
 * Recomputes the experiment's dirty units, at most `limit` of them (a readout bounds its wait);
 * builds the statistics instead when they were never built. Returns the dirty units left.
 */
export async function drainReadoutStatistics(
  workspaceId: string,
  experimentId: string,
  options: { limit?: number; experiment?: ExperimentDetail } = {},
): Promise<number> {
  const scope = { workspaceId, experimentId };
  const built = await db.experiment.findUnique({
    where: { workspaceId_id: { workspaceId, id: experimentId } },
    select: { readoutBuiltAt: true },
  });
  if (!built) {
    // A deleted experiment's exposures marked their units on the way out.
    await db.experimentDirtyUnit.deleteMany({ where: { workspaceId, experimentId } });
    return 0;
  }
  const e = options.experiment ?? (await getExperiment(workspaceId, experimentId));
  if (!built.readoutBuiltAt) {
    await rebuildReadoutStatistics(workspaceId, experimentId, e);
    return 0;
  }
  const { measures, crosses } = measuresOf(allPlans(plansOf(e, scope)));
  let done = 0;
  const limit = options.limit ?? Infinity;
  while (done < limit) {
    const claimed = await db.$transaction(async (tx) => {
      await tx.$queryRaw(lockStatisticsSql(scope));
      const units = await tx.$queryRaw<{ profileId: string }[]>(
        claimDirtyUnitsSql(scope, Math.min(DRAIN_BATCH, limit - done)),
      );
      // A second statement: it sees every write committed before the claim (READ COMMITTED).
      if (units.length > 0)
        await tx.$executeRaw(
          refreshUnitsSql(
            scope,
            measures,
            crosses,
            units.map((u) => u.profileId),
          ),
        );
      return units.length;
    });
    done += claimed;
    if (claimed === 0) return 0;
  }
  const [left] = await db.$queryRaw<{ dirty: number }[]>(dirtyCountSql(scope));
  return left?.dirty ?? 0;
}

/** The worker's round: builds never-built experiments and drains every dirty one. Returns the experiments touched. */
export async function refreshPendingReadouts(): Promise<number> {
  const pending = await db.$queryRaw<{ workspaceId: string; experimentId: string }[]>(pendingStatisticsSql());
  for (const p of pending) await drainReadoutStatistics(p.workspaceId, p.experimentId);
  return pending.length;
}

export type DailyStat = { variantKey: string; day: string; measure: string; sum: number; sumSquares: number };

export async function dailyStatistics(scope: UnitScope): Promise<DailyStat[]> {
  return db.$queryRaw<DailyStat[]>(dailyStatsSql(scope));
}

/**
 * Per-arm rows in armStatisticsSql's shape (n, multiple, <measure>__sum, __sq, <a>__x__<b>) from the
 * day rows `keep` selects: all of them for the readout, those up to a day for the cumulative chart.
 */
export function armRows(
  stats: readonly DailyStat[],
  plans: MetricPlan[],
  keep: (s: DailyStat) => boolean = () => true,
): ArmStatsRow[] {
  const columns = new Map<string, [string, "sum" | "sumSquares"][]>([
    ["#n", [["n", "sum"]]],
    ["#multiple", [["multiple", "sum"]]],
  ]);
  for (const p of plans) {
    for (const m of p.measures)
      columns.set(m.name, [
        [`${m.name}__sum`, "sum"],
        [`${m.name}__sq`, "sumSquares"],
      ]);
    for (const [a, b] of p.crosses) columns.set(crossName(a, b), [[`${a}__x__${b}`, "sum"]]);
  }
  const rows = new Map<string, ArmStatsRow>();
  for (const s of stats) {
    const targets = columns.get(s.measure);
    if (!targets || !keep(s)) continue;
    const row = rows.get(s.variantKey) ?? { grp: "", variantKey: s.variantKey, n: 0, multiple: 0 };
    for (const [column, field] of targets)
      (row as Record<string, unknown>)[column] = Number(row[column] ?? 0) + Number(s[field]);
    rows.set(s.variantKey, row);
  }
  // Sums of whole numbers come back whole; the subtraction of float contributions can leave 1e-12 dust on counts.
  for (const row of rows.values()) {
    row.n = Math.round(row.n);
    row.multiple = Math.round(row.multiple);
  }
  return [...rows.values()].sort((a, b) => a.variantKey.localeCompare(b.variantKey));
}
