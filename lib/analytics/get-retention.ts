import { runReportQuery } from "./run-report-query";
import { cachedReport } from "./cache";
import { addDays, isoDay, weekStart } from "./range";
import { ANY_ACTIVITY, type RetentionQuery } from "./schema";
import { retentionGridSql } from "./sql";

/** One cohort's row: its size, then per period k its active count (null: period k has not started yet). */
export type RetentionCohort = { cohort: string; size: number; active: (number | null)[]; rate: (number | null)[]; incomplete: boolean[] };
export type Retention = {
  period: RetentionQuery["period"];
  periods: number;
  cohorts: RetentionCohort[];
  /** Retention(k) over every cohort that has reached period k, weighted by cohort size. */
  curve: { k: number; rate: number | null; active: number; eligible: number }[];
};

/**
 * Period k of a cohort starting on bucket c covers [c + k·len, c + (k+1)·len − 1]: it "exists" once
 * it has started, and is incomplete while today is inside it.
 */
export function periodState(cohort: string, k: number, len: number, today: string): "future" | "incomplete" | "complete" {
  const start = addDays(cohort, k * len);
  if (start > today) return "future";
  return addDays(start, len - 1) > today ? "incomplete" : "complete";
}

export function assembleRetention(rows: { cohort: string; k: number; active: number }[], cohortStarts: string[], periods: number, len: number, today: string) {
  const size = new Map<string, number>();
  const active = new Map<string, number>();
  for (const r of rows) (r.k === -1 ? size : active).set(r.k === -1 ? r.cohort : `${r.cohort}/${r.k}`, r.active);
  const cohorts: RetentionCohort[] = cohortStarts.map((cohort) => {
    const n = size.get(cohort) ?? 0;
    const cells = Array.from({ length: periods + 1 }, (_, k) => {
      const state = periodState(cohort, k, len, today);
      if (state === "future") return { value: null, incomplete: false };
      return { value: k === 0 ? n : (active.get(`${cohort}/${k}`) ?? 0), incomplete: state === "incomplete" };
    });
    return {
      cohort,
      size: n,
      active: cells.map((c) => c.value),
      rate: cells.map((c) => (c.value === null || n === 0 ? null : c.value / n)),
      incomplete: cells.map((c) => c.incomplete),
    };
  });
  const curve = Array.from({ length: periods + 1 }, (_, k) => {
    let a = 0;
    let eligible = 0;
    for (const c of cohorts) {
      const value = c.active[k];
      if (value === null || value === undefined) continue;
      a += value;
      eligible += c.size;
    }
    return { k, rate: eligible > 0 ? a / eligible : null, active: a, eligible };
  });
  return { cohorts, curve };
}

async function computeRetention(workspaceId: string, query: RetentionQuery, today: string): Promise<Retention> {
  const len = query.period === "week" ? 7 : 1;
  const lastBucket = query.period === "week" ? weekStart(today) : today;
  const firstBucket = addDays(lastBucket, -(query.cohorts - 1) * len);
  const cohortStarts = Array.from({ length: query.cohorts }, (_, i) => addDays(firstBucket, i * len));
  const rows = await runReportQuery<{ cohort: string; k: number; active: number }[]>(
    retentionGridSql({
      workspaceId,
      source: query.cohort === "campaign" ? { kind: "campaign", campaignId: query.campaignId! } : { kind: "event", name: query.cohortEvent },
      returnEvent: query.returnEvent === ANY_ACTIVITY ? null : query.returnEvent,
      period: query.period,
      mode: query.mode,
      criterion: query.criterion,
      firstBucket,
      lastDay: today,
      periods: query.periods,
    }),
  );
  return { period: query.period, periods: query.periods, ...assembleRetention(rows, cohortStarts, query.periods, len, today) };
}

/** The cohort grid and retention curve (ProfileEventDaily / ProfileActiveDay rollups), cached per data version. */
export async function getRetention(workspaceId: string, query: RetentionQuery, now = new Date()) {
  const today = isoDay(now);
  return cachedReport(workspaceId, "retention", { ...query, today }, () => computeRetention(workspaceId, query, today));
}
