import { runReportQuery } from "./run-report-query";
import { cachedReport } from "./cache";
import { addDays, isoDay, weekStart } from "./range";
import { ANY_ACTIVITY, type RetentionQuery } from "./schema";
import { retentionGridSql } from "./sql";
import { estimateRate, MIN_RATE_N, type Interval } from "./uncertainty";

/**
 * One cohort's row: its size, then per period k its active count (null: period k has not started
 * yet). A cohort under the minimum size is listed (tooFew) but has no rates and stays out of the curve.
 */
export type RetentionCohort = {
  cohort: string;
  size: number;
  tooFew: boolean;
  active: (number | null)[];
  rate: (number | null)[];
  incomplete: boolean[];
};
/** Retention(k) of a curve: active of eligible, its 95 % Wilson interval; rate null when eligible is too few. */
export type RetentionPoint = {
  k: number;
  rate: number | null;
  active: number;
  eligible: number;
  interval: Interval | null;
  tooFew: boolean;
};
export type Retention = {
  period: RetentionQuery["period"];
  periods: number;
  /** The smallest cohort (and curve point) drawn: MIN_RATE_N. */
  minimum: number;
  cohorts: RetentionCohort[];
  /**
   * Retention(k) over every cohort of at least `minimum` profiles whose period k is complete, weighted by cohort size.
   */
  curve: RetentionPoint[];
};

/** A curve point as it is drawn: below `minimum` eligible profiles it has no rate, only its counts. */
export function retentionPoint(k: number, active: number, eligible: number, minimum = MIN_RATE_N): RetentionPoint {
  const estimate = estimateRate(active, eligible, minimum);
  return {
    k,
    rate: estimate.tooFew ? null : estimate.value,
    active,
    eligible,
    interval: estimate.tooFew ? null : estimate.interval,
    tooFew: estimate.tooFew,
  };
}

/**
 * Period k of a cohort starting on bucket c covers [c + k·len, c + (k+1)·len − 1]: it "exists" once
 * it has started, and is incomplete while today is inside it.
 */
export function periodState(
  cohort: string,
  k: number,
  len: number,
  today: string,
): "future" | "incomplete" | "complete" {
  const start = addDays(cohort, k * len);
  if (start > today) return "future";
  // Today is not over, so a period ending today is still running.
  return addDays(start, len - 1) >= today ? "incomplete" : "complete";
}

export function assembleRetention(
  rows: { cohort: string; k: number; active: number }[],
  cohortStarts: string[],
  periods: number,
  len: number,
  today: string,
  minimum = MIN_RATE_N,
) {
  const size = new Map<string, number>();
  const active = new Map<string, number>();
  for (const r of rows) (r.k === -1 ? size : active).set(r.k === -1 ? r.cohort : `${r.cohort}/${r.k}`, r.active);
  const cohorts: RetentionCohort[] = cohortStarts.map((cohort) => {
    const n = size.get(cohort) ?? 0;
    const tooFew = n > 0 && n < minimum;
    const cells = Array.from({ length: periods + 1 }, (_, k) => {
      const state = periodState(cohort, k, len, today);
      if (state === "future") return { value: null, incomplete: false };
      return { value: k === 0 ? n : (active.get(`${cohort}/${k}`) ?? 0), incomplete: state === "incomplete" };
    });
    return {
      cohort,
      size: n,
      tooFew,
      active: cells.map((c) => c.value),
      // A 3-profile cohort's "67 %" says nothing: its counts are shown, not a rate.
      rate: cells.map((c) => (c.value === null || n === 0 || tooFew ? null : c.value / n)),
      incomplete: cells.map((c) => c.incomplete),
    };
  });
  const curve = Array.from({ length: periods + 1 }, (_, k) => {
    let a = 0;
    let eligible = 0;
    for (const c of cohorts) {
      const value = c.active[k];
      // A running period would drag the curve down only because it is not over yet; a cohort too
      // small to have a rate of its own would swing it by chance.
      if (value === null || value === undefined || c.tooFew || (k > 0 && c.incomplete[k])) continue;
      a += value;
      eligible += c.size;
    }
    return retentionPoint(k, a, eligible, minimum);
  });
  return { minimum, cohorts, curve };
}

async function computeRetention(workspaceId: string, query: RetentionQuery, today: string): Promise<Retention> {
  const len = query.period === "week" ? 7 : 1;
  const lastBucket = query.period === "week" ? weekStart(today) : today;
  const firstBucket = addDays(lastBucket, -(query.cohorts - 1) * len);
  const cohortStarts = Array.from({ length: query.cohorts }, (_, i) => addDays(firstBucket, i * len));
  const rows = await runReportQuery<{ cohort: string; k: number; active: number }[]>(
    retentionGridSql({
      workspaceId,
      source:
        query.cohort === "campaign"
          ? { kind: "campaign", campaignId: query.campaignId! }
          : { kind: "event", name: query.cohortEvent },
      returnEvent: query.returnEvent === ANY_ACTIVITY ? null : query.returnEvent,
      period: query.period,
      mode: query.mode,
      criterion: query.criterion,
      firstBucket,
      lastDay: today,
      periods: query.periods,
    }),
  );
  return {
    period: query.period,
    periods: query.periods,
    ...assembleRetention(rows, cohortStarts, query.periods, len, today),
  };
}

/** The cohort grid and retention curve (ProfileEventDaily / ProfileActiveDay rollups), cached per data version. */
export async function getRetention(workspaceId: string, query: RetentionQuery, now = new Date()) {
  const today = isoDay(now);
  return cachedReport(workspaceId, "retention", { ...query, today }, () => computeRetention(workspaceId, query, today));
}
