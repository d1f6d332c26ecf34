import { Prisma } from "@/lib/generated/prisma/client";
import { comparisonSql, jsonValue } from "./compile-values";
import type { CompileContext, CompiledLeaf } from "./compile-context";
import type { EventCondition, EventWindow } from "./schema";
import { isWholeDays, utcDate, utcTimestamp, windowStart } from "./time-window";

/** Raw events in a window: lower bound only for "last N", inclusive timestamps for "between". */
function rawWindow(window: EventWindow, now: Date): Prisma.Sql {
  if (window.type === "ever") return Prisma.empty;
  if (window.type === "last") return Prisma.sql`AND e."occurredAt" >= ${utcTimestamp(windowStart(window.amount, window.unit, now))}::timestamp`;
  return Prisma.sql`AND e."occurredAt" BETWEEN ${utcTimestamp(window.from)}::timestamp AND ${utcTimestamp(window.to)}::timestamp`;
}

function dayWindow(window: EventWindow, now: Date): Prisma.Sql {
  if (window.type !== "last") return Prisma.empty;
  return Prisma.sql`AND d."day" >= ${utcDate(windowStart(window.amount, "days", now))}::date`;
}

/**
 * An event condition as a per-profile aggregate joined to the profile scan. Counts in whole-day
 * windows without property filters read ProfileEventDaily through (workspaceId, name, day); the
 * rest read Event through (workspaceId, name, occurredAt). In explain mode both are narrowed to
 * one profile and use the (workspaceId, profileId, …) keys instead.
 */
export function compileEvent(condition: EventCondition, ctx: CompileContext): CompiledLeaf {
  const { measure, window } = condition;
  const fromRollup = condition.where.length === 0 && isWholeDays(window);
  const ownProfile = (column: Prisma.Sql) => (ctx.profileId ? Prisma.sql`AND ${column} = ${ctx.profileId}` : Prisma.empty);
  const filters = condition.where.map((f) => Prisma.sql`AND ${comparisonSql(jsonValue(Prisma.raw(`e."properties"`), f.key, f.comparison.type), f.comparison, ctx.now)}`);
  const allFilters = filters.length > 0 ? Prisma.join(filters, " ") : Prisma.empty;

  if (measure.type === "count" || measure.type === "not_performed") {
    const source = fromRollup
      ? Prisma.sql`SELECT d."profileId" AS pid, sum(d."count")::int AS n FROM "ProfileEventDaily" d
          WHERE d."workspaceId" = ${ctx.workspaceId} AND d."name" = ${condition.event} ${dayWindow(window, ctx.now)} ${ownProfile(Prisma.raw(`d."profileId"`))}
          GROUP BY d."profileId"`
      : Prisma.sql`SELECT e."profileId" AS pid, count(*)::int AS n FROM "Event" e
          WHERE e."workspaceId" = ${ctx.workspaceId} AND e."name" = ${condition.event} ${rawWindow(window, ctx.now)} ${allFilters} ${ownProfile(Prisma.raw(`e."profileId"`))}
          GROUP BY e."profileId"`;
    const alias = ctx.join(source);
    const n = Prisma.sql`coalesce(${alias}.n, 0)`;
    if (measure.type === "not_performed") return { match: Prisma.sql`(${n} = 0)`, value: n };
    const op = { at_least: ">=", exactly: "=", at_most: "<=" }[measure.op];
    return { match: Prisma.sql`(${n} ${Prisma.raw(op)} ${measure.count}::int)`, value: n };
  }

  // First / last occurrence of all time, then tested against the window.
  const pick = Prisma.raw(measure.type === "first" ? "min" : "max");
  if (fromRollup) {
    const alias = ctx.join(Prisma.sql`SELECT d."profileId" AS pid, ${pick}(d."day") AS t FROM "ProfileEventDaily" d
      WHERE d."workspaceId" = ${ctx.workspaceId} AND d."name" = ${condition.event} ${ownProfile(Prisma.raw(`d."profileId"`))}
      GROUP BY d."profileId"`);
    const t = Prisma.sql`${alias}.t`;
    const inWindow = window.type === "last" ? Prisma.sql`${t} >= ${utcDate(windowStart(window.amount, "days", ctx.now))}::date` : Prisma.sql`${t} IS NOT NULL`;
    return { match: Prisma.sql`coalesce(${inWindow}, false)`, value: t };
  }
  const alias = ctx.join(Prisma.sql`SELECT e."profileId" AS pid, ${pick}(e."occurredAt") AS t FROM "Event" e
    WHERE e."workspaceId" = ${ctx.workspaceId} AND e."name" = ${condition.event} ${allFilters} ${ownProfile(Prisma.raw(`e."profileId"`))}
    GROUP BY e."profileId"`);
  const t = Prisma.sql`${alias}.t`;
  const inWindow =
    window.type === "ever" ? Prisma.sql`${t} IS NOT NULL`
    : window.type === "last" ? Prisma.sql`${t} >= ${utcTimestamp(windowStart(window.amount, window.unit, ctx.now))}::timestamp`
    : Prisma.sql`${t} BETWEEN ${utcTimestamp(window.from)}::timestamp AND ${utcTimestamp(window.to)}::timestamp`;
  return { match: Prisma.sql`coalesce(${inWindow}, false)`, value: t };
}
