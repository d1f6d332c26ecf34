import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { cachedReport } from "./cache";
import { isoDay } from "./range";
import { retentionPoint, type RetentionPoint } from "./get-retention";
import { ANY_ACTIVITY, type ExperimentRetentionQuery } from "./schema";
import { experimentRetentionSql } from "./sql";
import { MIN_RATE_N } from "./uncertainty";

/** An arm's curve: each point active of eligible with its interval, no rate below MIN_RATE_N eligible. */
export type ArmCurve = { arm: string; size: number; points: RetentionPoint[] };
export type ExperimentRetention = {
  experiment: { id: string; name: string };
  period: ExperimentRetentionQuery["period"];
  minimum: number;
  arms: ArmCurve[];
  exposed: ArmCurve | null;
  holdout: ArmCurve | null;
};

function curve(
  arm: string,
  rows: { arm: string; k: number; active: number | null; eligible: number | null }[],
  periods: number,
): ArmCurve {
  const mine = rows.filter((r) => r.arm === arm);
  const size = mine.find((r) => r.k === -1)?.active ?? 0;
  const points = Array.from({ length: periods + 1 }, (_, k) => {
    if (k === 0) return retentionPoint(k, size, size);
    const eligible = mine.find((r) => r.k === k && r.eligible !== null)?.eligible ?? 0;
    const active = mine.find((r) => r.k === k && r.active !== null)?.active ?? 0;
    return retentionPoint(k, active, eligible);
  });
  return { arm, size, points };
}

/** Sums arms into one curve (every variant together is "exposed"). */
function combine(name: string, arms: ArmCurve[]): ArmCurve | null {
  if (arms.length === 0) return null;
  const size = arms.reduce((s, a) => s + a.size, 0);
  const points = arms[0]!.points.map((_, k) => {
    const active = arms.reduce((s, a) => s + a.points[k]!.active, 0);
    const eligible = arms.reduce((s, a) => s + a.points[k]!.eligible, 0);
    return retentionPoint(k, active, eligible);
  });
  return { arm: name, size, points };
}

async function compute(
  workspaceId: string,
  query: ExperimentRetentionQuery,
  experiment: { id: string; name: string },
  today: string,
): Promise<ExperimentRetention> {
  const rows = await db.$queryRaw<{ arm: string; k: number; active: number | null; eligible: number | null }[]>(
    experimentRetentionSql({
      workspaceId,
      experimentId: experiment.id,
      returnEvent: query.returnEvent === ANY_ACTIVITY ? null : query.returnEvent,
      period: query.period,
      criterion: query.criterion,
      periods: query.periods,
      lastDay: today,
    }),
  );
  const arms = [...new Set(rows.map((r) => r.arm))].sort().map((arm) => curve(arm, rows, query.periods));
  return {
    experiment,
    period: query.period,
    minimum: MIN_RATE_N,
    arms,
    exposed: combine(
      "exposed",
      arms.filter((a) => a.arm !== "holdout"),
    ),
    holdout: arms.find((a) => a.arm === "holdout") ?? null,
  };
}

/** Exposed vs holdout retention after exposure (Exposure rows, variantKey "holdout" vs the rest). */
export async function getExperimentRetention(workspaceId: string, query: ExperimentRetentionQuery, now = new Date()) {
  const experiment = await db.experiment.findFirst({
    where: { workspaceId, id: query.experimentId },
    select: { id: true, name: true },
  });
  if (!experiment) throw notFound("The experiment");
  const today = isoDay(now);
  // Exposures are written without an Event row, so their count joins the cache key.
  const exposures = await db.exposure.count({ where: { workspaceId, experimentId: experiment.id } });
  return cachedReport(
    workspaceId,
    "experiment-retention",
    { ...query, today },
    () => compute(workspaceId, query, experiment, today),
    `/x${exposures}`,
  );
}
