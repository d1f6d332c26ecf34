import { Prisma } from "@/lib/generated/prisma/client";
import type { CompileContext, CompiledLeaf } from "./compile-context";
import { propertyFilterSql } from "./property-filter";
import type { EventCondition, EventWindow } from "./schema";
import { instantSql, isRolledUp, isWholeDays, utcDate, windowStart } from "./time-window";

/*
 * An event condition is a per-profile aggregate joined to the profile scan. Whole-day windows
 * without property filters read the rollups: all-time counts, "did it (or not) in the last N days"
 * and first / last occurrences ProfileEventTotal (one row per profile and name), other counts
 * ProfileEventDaily through (workspaceId, name, day); the rest (and identity calls, which are never
 * rolled up) read Event through (workspaceId, name, occurredAt).
 *
 * Audience queries put the condition into the aggregate's HAVING, so only the profiles that
 * decide it come back (far fewer rows to hash-join on 10M events): "at least 2" keeps those with
 * ≥ 2 and matches them; "at most 2" keeps those with > 2 and matches everyone else. Explain narrows
 * every aggregate to one profile through the (workspaceId, profileId, …) keys and keeps the raw
 * figure, which it shows as the deciding value.
 */

type CountOp = "at_least" | "exactly" | "at_most";

/** What every reading of one condition shares: its events, and whether the rollups answer it. */
type EventScan = {
  condition: EventCondition;
  window: EventWindow;
  ctx: CompileContext;
  fromRollup: boolean;
  /** The property filters, each as `AND …` on Event e. */
  filters: Prisma.Sql;
};

const NO_VALUE = Prisma.sql`NULL`;
const COMPARE: Record<CountOp, Prisma.Sql> = {
  at_least: Prisma.sql`>=`,
  exactly: Prisma.sql`=`,
  at_most: Prisma.sql`<=`,
};

/** Raw events in a window: lower bound only for "last N", inclusive timestamps for "between". */
function rawWindow(window: EventWindow, now: Date): Prisma.Sql {
  if (window.type === "ever") return Prisma.empty;
  if (window.type === "last")
    return Prisma.sql`AND e."occurredAt" >= ${instantSql(windowStart(window.amount, window.unit, now))}`;
  return Prisma.sql`AND e."occurredAt" BETWEEN ${instantSql(window.from)} AND ${instantSql(window.to)}`;
}

function dayWindow(window: EventWindow, now: Date): Prisma.Sql {
  if (window.type !== "last") return Prisma.empty;
  return Prisma.sql`AND d."day" >= ${utcDate(windowStart(window.amount, "days", now))}::date`;
}

/** Where a first/last occurrence (`t`) must fall for the condition to hold. */
function occurrenceInWindow(t: Prisma.Sql, window: EventWindow, now: Date, byDay: boolean): Prisma.Sql {
  if (window.type === "ever") return Prisma.sql`${t} IS NOT NULL`;
  if (window.type === "last") {
    const start = windowStart(window.amount, window.unit, now);
    return byDay ? Prisma.sql`${t} >= ${utcDate(start)}::date` : Prisma.sql`${t} >= ${instantSql(start)}`;
  }
  return Prisma.sql`${t} BETWEEN ${instantSql(window.from)} AND ${instantSql(window.to)}`;
}

/** Explain narrows an aggregate to its one profile; otherwise nothing. */
const ownProfile = (ctx: CompileContext, column: Prisma.Sql) =>
  ctx.profileId !== undefined ? Prisma.sql`AND ${column} = ${ctx.profileId}` : Prisma.empty;

/** Each profile's number of the condition's events in its window: the aggregate, and FROM … GROUP BY. */
function countPerProfile({ condition, window, ctx, fromRollup, filters }: EventScan) {
  if (fromRollup) {
    const pid = Prisma.sql`d."profileId"`;
    return {
      pid,
      aggregate: Prisma.sql`sum(d."count")`,
      source: Prisma.sql`FROM "ProfileEventDaily" d
        WHERE d."workspaceId" = ${ctx.workspaceId} AND d."name" = ${condition.event} ${dayWindow(window, ctx.now)}
          ${ownProfile(ctx, pid)}
        GROUP BY d."profileId"`,
    };
  }
  const pid = Prisma.sql`e."profileId"`;
  return {
    pid,
    aggregate: Prisma.sql`count(*)`,
    source: Prisma.sql`FROM "Event" e
      WHERE e."workspaceId" = ${ctx.workspaceId} AND e."name" = ${condition.event} ${rawWindow(window, ctx.now)}
        ${filters} ${ownProfile(ctx, pid)}
      GROUP BY e."profileId"`,
  };
}

/** All-time counts: one ProfileEventTotal row per profile instead of one ProfileEventDaily row per day. */
const fromTotals = (scan: EventScan) => scan.fromRollup && scan.window.type === "ever";

/** The profiles with any of the condition's events in its window (on the totals, since its last day). */
function performedSet({ condition, window, ctx }: EventScan): Prisma.Sql {
  const since =
    window.type === "last"
      ? Prisma.sql`AND t."lastDay" >= ${utcDate(windowStart(window.amount, "days", ctx.now))}::date`
      : Prisma.empty;
  return Prisma.sql`SELECT t."profileId" AS pid FROM "ProfileEventTotal" t
    WHERE t."workspaceId" = ${ctx.workspaceId} AND t."name" = ${condition.event} ${since}`;
}

/** Explain: the profile's count, tested and shown as the deciding value. */
function explainCount(scan: EventScan, op: CountOp, k: number): CompiledLeaf {
  const { pid, aggregate, source } = countPerProfile(scan);
  const alias = scan.ctx.join(Prisma.sql`SELECT ${pid} AS pid, ${aggregate}::int AS n ${source}`);
  const n = Prisma.sql`coalesce(${alias}.n, 0)`;
  return { match: Prisma.sql`(${n} ${COMPARE[op]} ${k}::int)`, value: n };
}

/**
 * A count test over the profiles whose count decides it: kept ones match, or (for zero-inclusive
 * tests, "at most", "exactly 0") are the ones that don't. `totals` reads one ProfileEventTotal row
 * per profile (a set of performedSet's) instead of aggregating events.
 */
function countThreshold(scan: EventScan, op: CountOp, k: number, totals: boolean): CompiledLeaf {
  const zeroMatches = op === "at_most" || (op === "exactly" && k === 0);
  const decides = zeroMatches ? Prisma.sql`>` : op === "at_least" ? Prisma.sql`>=` : Prisma.sql`=`;
  let deciding: Prisma.Sql;
  if (totals) {
    const byCount = scan.window.type === "ever" ? Prisma.sql`AND t."count" ${decides} ${k}::int` : Prisma.empty;
    deciding = Prisma.sql`${performedSet(scan)} ${byCount}`;
  } else {
    const { pid, aggregate, source } = countPerProfile(scan);
    deciding = Prisma.sql`SELECT ${pid} AS pid ${source} HAVING ${aggregate} ${decides} ${k}::int`;
  }
  const kept = scan.ctx.member(deciding, !zeroMatches);
  return { match: zeroMatches ? Prisma.sql`(NOT ${kept})` : kept, value: NO_VALUE };
}

/**
 * "Did it" (at least once) or "never did it" (not performed, or at most / exactly 0) in the window.
 * "Did it in the last N days" is its last day in the window, so the totals answer it too.
 */
function compilePerformed(scan: EventScan, did: boolean): CompiledLeaf {
  const { condition, window, ctx, fromRollup, filters } = scan;
  const totals = fromRollup && (window.type === "ever" || window.type === "last");
  // Whether profile p did it at all in the window, probing the (workspaceId, profileId, …) keys.
  // One profile's daily rows are probed index-only through their key (it ends in the day); its
  // all-time row would need a heap fetch to read the last day, so only existence is probed there.
  const probe =
    totals && window.type === "ever"
      ? Prisma.sql`SELECT 1 FROM "ProfileEventTotal" t
          WHERE t."workspaceId" = ${ctx.workspaceId} AND t."profileId" = p."id" AND t."name" = ${condition.event}`
      : fromRollup
        ? Prisma.sql`SELECT 1 FROM "ProfileEventDaily" d
            WHERE d."workspaceId" = ${ctx.workspaceId} AND d."profileId" = p."id" AND d."name" = ${condition.event}
              ${dayWindow(window, ctx.now)}`
        : Prisma.sql`SELECT 1 FROM "Event" e
            WHERE e."workspaceId" = ${ctx.workspaceId} AND e."profileId" = p."id" AND e."name" = ${condition.event}
              ${rawWindow(window, ctx.now)} ${filters}`;
  if (ctx.memberColumns) {
    // Per-node counts: one hash of the profiles that did it, no aggregate (CompileContext.member).
    const didIt = totals ? ctx.member(performedSet(scan)) : ctx.column(Prisma.sql`EXISTS (${probe})`);
    return { match: did ? didIt : Prisma.sql`(NOT ${didIt})`, value: NO_VALUE };
  }
  // On the audience's AND path, "never did it", and "did it at all" once another condition drives
  // (the first positive one does: its profiles are the statement's rows), are a (NOT) EXISTS that
  // PostgreSQL turns into a semi- or anti-join, free to probe the keys for the profiles the other
  // conditions leave instead of aggregating every profile that did it.
  if (ctx.innerJoins && ctx.required && (!did || ctx.driver !== null)) {
    // OFFSET 0 keeps the subquery a per-row probe when another condition drives (CompileContext).
    const probeOnly = ctx.probeExists ? Prisma.sql` OFFSET 0` : Prisma.empty;
    const exists = did ? Prisma.sql`EXISTS` : Prisma.sql`NOT EXISTS`;
    return { match: Prisma.sql`(${exists} (${probe}${probeOnly}))`, value: NO_VALUE };
  }
  return did ? countThreshold(scan, "at_least", 1, totals) : countThreshold(scan, "exactly", 0, totals);
}

/**
 * First / last occurrence of all time, then tested against the window: the rollup keeps both days
 * on one row per profile (tested in WHERE), raw events aggregate per profile (tested in HAVING).
 */
function compileOccurrence({ condition, window, ctx, fromRollup, filters }: EventScan, first: boolean): CompiledLeaf {
  let pid: Prisma.Sql, t: Prisma.Sql, source: Prisma.Sql, test: Prisma.Sql;
  if (fromRollup) {
    pid = Prisma.sql`t."profileId"`;
    t = first ? Prisma.sql`t."firstDay"` : Prisma.sql`t."lastDay"`;
    source = Prisma.sql`FROM "ProfileEventTotal" t
      WHERE t."workspaceId" = ${ctx.workspaceId} AND t."name" = ${condition.event} ${ownProfile(ctx, pid)}`;
    test = Prisma.sql`AND`;
  } else {
    pid = Prisma.sql`e."profileId"`;
    t = first ? Prisma.sql`min(e."occurredAt")` : Prisma.sql`max(e."occurredAt")`;
    source = Prisma.sql`FROM "Event" e
      WHERE e."workspaceId" = ${ctx.workspaceId} AND e."name" = ${condition.event} ${filters} ${ownProfile(ctx, pid)}
      GROUP BY e."profileId"`;
    test = Prisma.sql`HAVING`;
  }
  if (ctx.profileId !== undefined) {
    const alias = ctx.join(Prisma.sql`SELECT ${pid} AS pid, ${t} AS t ${source}`);
    return {
      match: Prisma.sql`coalesce(${occurrenceInWindow(Prisma.sql`${alias}.t`, window, ctx.now, fromRollup)}, false)`,
      value: Prisma.sql`${alias}.t`,
    };
  }
  const inWindow = occurrenceInWindow(t, window, ctx.now, fromRollup);
  return { match: ctx.member(Prisma.sql`SELECT ${pid} AS pid ${source} ${test} ${inWindow}`, true), value: NO_VALUE };
}

/** An event condition, by what it measures: a count, whether it happened at all, or its first / last time. */
export function compileEvent(condition: EventCondition, ctx: CompileContext): CompiledLeaf {
  const { measure, window } = condition;
  const fromRollup = condition.where.length === 0 && isWholeDays(window) && isRolledUp(condition.event);
  const filters = condition.where.map((f) => Prisma.sql`AND ${propertyFilterSql(f, ctx.now)}`);
  const scan: EventScan = {
    condition,
    window,
    ctx,
    fromRollup,
    filters: filters.length > 0 ? Prisma.join(filters, " ") : Prisma.empty,
  };
  if (measure.type === "first" || measure.type === "last") return compileOccurrence(scan, measure.type === "first");
  const [op, k]: [CountOp, number] = measure.type === "not_performed" ? ["exactly", 0] : [measure.op, measure.count];
  if (ctx.profileId !== undefined) return explainCount(scan, op, k);
  if (op === "at_least" && k === 0) return { match: Prisma.sql`TRUE`, value: NO_VALUE };
  if (op === "at_least" && k === 1) return compilePerformed(scan, true);
  if (k === 0) return compilePerformed(scan, false); // at most 0, exactly 0
  return countThreshold(scan, op, k, fromTotals(scan));
}
