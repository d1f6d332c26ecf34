import { Prisma } from "@/lib/generated/prisma/client";
import type { CompileContext, CompiledLeaf } from "./compile-context";
import { propertyFilterSql } from "./property-filter";
import type { EventCondition, EventWindow } from "./schema";
import { instantSql, isRolledUp, isWholeDays, utcDate, windowStart } from "./time-window";

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

/**
 * An event condition as a per-profile aggregate joined to the profile scan. Whole-day windows
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
export function compileEvent(condition: EventCondition, ctx: CompileContext): CompiledLeaf {
  const { measure, window } = condition;
  const fromRollup = condition.where.length === 0 && isWholeDays(window) && isRolledUp(condition.event);
  const explain = ctx.profileId !== undefined;
  const ownProfile = (column: string) =>
    explain ? Prisma.sql`AND ${Prisma.raw(column)} = ${ctx.profileId}` : Prisma.empty;
  const filters = condition.where.map((f) => Prisma.sql`AND ${propertyFilterSql(f, ctx.now)}`);
  const allFilters = filters.length > 0 ? Prisma.join(filters, " ") : Prisma.empty;

  if (measure.type === "count" || measure.type === "not_performed") {
    const [aggregate, source] = fromRollup
      ? [
          Prisma.sql`sum(d."count")`,
          Prisma.sql`FROM "ProfileEventDaily" d WHERE d."workspaceId" = ${ctx.workspaceId} AND d."name" = ${condition.event} ${dayWindow(window, ctx.now)} ${ownProfile(`d."profileId"`)} GROUP BY d."profileId"`,
        ]
      : [
          Prisma.sql`count(*)`,
          Prisma.sql`FROM "Event" e WHERE e."workspaceId" = ${ctx.workspaceId} AND e."name" = ${condition.event} ${rawWindow(window, ctx.now)} ${allFilters} ${ownProfile(`e."profileId"`)} GROUP BY e."profileId"`,
        ];
    const pid = Prisma.raw(fromRollup ? `d."profileId"` : `e."profileId"`);
    const op = measure.type === "not_performed" ? "exactly" : measure.op;
    const k = measure.type === "not_performed" ? 0 : measure.count;
    if (explain) {
      const alias = ctx.join(Prisma.sql`SELECT ${pid} AS pid, ${aggregate}::int AS n ${source}`);
      const n = Prisma.sql`coalesce(${alias}.n, 0)`;
      return {
        match: Prisma.sql`(${n} ${Prisma.raw({ at_least: ">=", exactly: "=", at_most: "<=" }[op])} ${k}::int)`,
        value: n,
      };
    }
    if (op === "at_least" && k === 0) return { match: Prisma.raw("TRUE"), value: Prisma.raw("NULL") };
    // Profiles whose count decides: kept ones match, or (for zero-inclusive tests) are the ones that don't.
    const zeroMatches = op === "at_most" || (op === "exactly" && k === 0);
    const didIt = op === "at_least" && k === 1;
    const neverDid = zeroMatches && k === 0;
    // All-time counts, and "did it (or not) in the last N days" (its last day is in the window), are
    // one ProfileEventTotal row per profile instead of one ProfileEventDaily row per day.
    const fromTotals = fromRollup && (window.type === "ever" || (window.type === "last" && (didIt || neverDid)));
    const totalsSince =
      window.type === "last"
        ? Prisma.sql`AND t."lastDay" >= ${utcDate(windowStart(window.amount, "days", ctx.now))}::date`
        : Prisma.empty;
    // Whether profile p did it at all in the window, probing the (workspaceId, profileId, …) keys.
    // One profile's daily rows are probed index-only through their key (it ends in the day); its
    // all-time row would need a heap fetch to read the last day, so only existence is probed there.
    const probe =
      fromTotals && window.type === "ever"
        ? Prisma.sql`SELECT 1 FROM "ProfileEventTotal" t WHERE t."workspaceId" = ${ctx.workspaceId} AND t."profileId" = p."id" AND t."name" = ${condition.event}`
        : fromRollup
          ? Prisma.sql`SELECT 1 FROM "ProfileEventDaily" d WHERE d."workspaceId" = ${ctx.workspaceId} AND d."profileId" = p."id" AND d."name" = ${condition.event} ${dayWindow(window, ctx.now)}`
          : Prisma.sql`SELECT 1 FROM "Event" e WHERE e."workspaceId" = ${ctx.workspaceId} AND e."profileId" = p."id" AND e."name" = ${condition.event} ${rawWindow(window, ctx.now)} ${allFilters}`;
    // The profiles that did it (count test aside), as a set PostgreSQL hashes once.
    const didItSet = fromTotals
      ? Prisma.sql`SELECT t."profileId" AS pid FROM "ProfileEventTotal" t WHERE t."workspaceId" = ${ctx.workspaceId} AND t."name" = ${condition.event} ${totalsSince}`
      : null;
    if (ctx.memberColumns && (didIt || neverDid)) {
      // Per-node counts: one hash of the profiles that did it, no aggregate (CompileContext.member).
      const did = didItSet ? ctx.member(didItSet) : ctx.column(Prisma.sql`EXISTS (${probe})`);
      return { match: neverDid ? Prisma.sql`(NOT ${did})` : did, value: Prisma.raw("NULL") };
    }
    // On the audience's AND path, "never did it", and "did it at all" once another condition drives
    // (the first positive one does: its profiles are the statement's rows), are a (NOT) EXISTS that
    // PostgreSQL turns into a semi- or anti-join, free to probe the keys for the profiles the other
    // conditions leave instead of aggregating every profile that did it.
    if (ctx.innerJoins && ctx.required && (neverDid || (didIt && ctx.driver !== null))) {
      // OFFSET 0 keeps the subquery a per-row probe when another condition drives (CompileContext).
      const probeOnly = ctx.probeExists ? Prisma.raw(" OFFSET 0") : Prisma.empty;
      return {
        match: Prisma.sql`(${Prisma.raw(neverDid ? "NOT EXISTS" : "EXISTS")} (${probe}${probeOnly}))`,
        value: Prisma.raw("NULL"),
      };
    }
    const decides = Prisma.raw(zeroMatches ? ">" : op === "at_least" ? ">=" : "=");
    const kept = ctx.member(
      didItSet
        ? Prisma.sql`${didItSet} ${window.type === "ever" ? Prisma.sql`AND t."count" ${decides} ${k}::int` : Prisma.empty}`
        : Prisma.sql`SELECT ${pid} AS pid ${source} HAVING ${aggregate} ${decides} ${k}::int`,
      !zeroMatches,
    );
    return { match: zeroMatches ? Prisma.sql`(NOT ${kept})` : kept, value: Prisma.raw("NULL") };
  }

  // First / last occurrence of all time, then tested against the window: the rollup keeps both days
  // on one row per profile (tested in WHERE), raw events aggregate per profile (tested in HAVING).
  const first = measure.type === "first";
  const [pid, t, source, test] = fromRollup
    ? [
        Prisma.raw(`t."profileId"`),
        Prisma.raw(first ? `t."firstDay"` : `t."lastDay"`),
        Prisma.sql`FROM "ProfileEventTotal" t WHERE t."workspaceId" = ${ctx.workspaceId} AND t."name" = ${condition.event} ${ownProfile(`t."profileId"`)}`,
        Prisma.raw("AND"),
      ]
    : [
        Prisma.raw(`e."profileId"`),
        Prisma.raw(first ? `min(e."occurredAt")` : `max(e."occurredAt")`),
        Prisma.sql`FROM "Event" e WHERE e."workspaceId" = ${ctx.workspaceId} AND e."name" = ${condition.event} ${allFilters} ${ownProfile(`e."profileId"`)} GROUP BY e."profileId"`,
        Prisma.raw("HAVING"),
      ];
  if (explain) {
    const alias = ctx.join(Prisma.sql`SELECT ${pid} AS pid, ${t} AS t ${source}`);
    return {
      match: Prisma.sql`coalesce(${occurrenceInWindow(Prisma.sql`${alias}.t`, window, ctx.now, fromRollup)}, false)`,
      value: Prisma.sql`${alias}.t`,
    };
  }
  return {
    match: ctx.member(
      Prisma.sql`SELECT ${pid} AS pid ${source} ${test} ${occurrenceInWindow(t, window, ctx.now, fromRollup)}`,
      true,
    ),
    value: Prisma.raw("NULL"),
  };
}
