import { ident } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";

/*
 * The experiment readout's SQL: one aggregate per experiment (and per breakdown) turning exposures
 * and the events after them into sufficient statistics per arm (docs/statistics.md "Inputs"). Units are
 * exposed profiles; the per-unit values are correlated subqueries on Event's
 * (workspaceId, profileId, occurredAt) index, so each unit reads only its own events in its window.
 */

/**
 * One per-unit value the aggregate sums (and sums the squares of). A `first` measure's expression is
 * the time of the unit's first qualifying event (null: none); its value is 1 when there is one, and
 * the incremental statistics file it under that event's day (so the cumulative chart accrues it).
 */
export type Measure = { name: string; expr: Prisma.Sql; first?: boolean };
/** Pairs whose per-unit product is summed too (ratio metrics: Σ M·D). */
export type Cross = [string, string];

export type UnitScope = { workspaceId: string; experimentId: string };

const window = (hours: number) => Prisma.sql`make_interval(hours => ${hours}::int)`;

/** When the profile first had `event` within `hours` after exposure (null: it did not convert). */
export const convertedWithin = (s: UnitScope, event: string, hours: number) => Prisma.sql`
  (SELECT min(e."occurredAt") FROM "Event" e WHERE e."workspaceId" = ${s.workspaceId} AND e."profileId" = x."profileId"
    AND e."name" = ${event} AND e."occurredAt" >= x."exposedAt" AND e."occurredAt" < x."exposedAt" + ${window(hours)})`;

/** The revenue of `event` within `hours` after exposure (0 without). */
export const revenueWithin = (s: UnitScope, event: string, hours: number) => Prisma.sql`
  COALESCE((SELECT SUM(COALESCE(e."revenue", 0)) FROM "Event" e WHERE e."workspaceId" = ${s.workspaceId} AND
    e."profileId" = x."profileId"
    AND e."name" = ${event} AND e."occurredAt" >= x."exposedAt" AND e."occurredAt" < x."exposedAt" + ${window(hours)}),
      0)::float8`;

/** How many of the campaign's message events named `names` the profile has since exposure. */
export const campaignEventCount = (s: UnitScope, campaignId: string, names: readonly string[]) => Prisma.sql`
  (SELECT count(*) FROM "Event" e WHERE e."workspaceId" = ${s.workspaceId} AND e."profileId" = x."profileId"
    AND e."campaignId" = ${campaignId} AND e."name" IN (${Prisma.join(names)}) AND e."occurredAt" >=
      x."exposedAt")::float8`;

/** When the profile first had one of the campaign's message events named `names` since exposure (null: never). */
export const campaignEventAny = (s: UnitScope, campaignId: string, names: readonly string[]) => Prisma.sql`
  (SELECT min(e."occurredAt") FROM "Event" e WHERE e."workspaceId" = ${s.workspaceId} AND e."profileId" = x."profileId"
    AND e."campaignId" = ${campaignId} AND e."name" IN (${Prisma.join(names)}) AND e."occurredAt" >= x."exposedAt")`;

/**
 * How the aggregate groups besides the arm: nothing, the exposure day (cumulative lift), a persona
 * assignment statement ("profileId", "personaId"), or segment audiences (one statement each, "id").
 */
export type Grouping =
  | { kind: "none" }
  | { kind: "day" }
  | { kind: "persona"; assignment: Prisma.Sql }
  | { kind: "segment"; audiences: { segmentId: string; audience: Prisma.Sql }[] };

/** Maps each exposed profile to its group (column "grp"); null = every unit in one group. */
function groupJoin(grouping: Grouping): Prisma.Sql {
  switch (grouping.kind) {
    case "none":
      return Prisma.sql`SELECT u.*, ''::text AS "grp" FROM u`;
    case "day":
      return Prisma.sql`SELECT u.*, to_char(date_trunc('day', u."exposedAt"), 'YYYY-MM-DD') AS "grp" FROM u`;
    case "persona":
      return Prisma.sql`SELECT u.*, COALESCE(pa."personaId", '') AS "grp" FROM u LEFT JOIN (${grouping.assignment}) pa
        ON pa."profileId" = u."profileId"`;
    case "segment":
      return Prisma.sql`SELECT u.*, sa."grp" FROM u JOIN (${Prisma.join(
        grouping.audiences.map(
          (a) => Prisma.sql`SELECT a."id" AS "profileId", ${a.segmentId}::text AS "grp" FROM (${a.audience}) a`,
        ),
        " UNION ALL ",
      )}) sa ON sa."profileId" = u."profileId"`;
  }
}

// A measure's column; a cross pair's per-unit column is named after its pair, "a*b" ('*' is no name character).
const col = (name: string) => ident(name.replace("*", "__times__"));

/** A measure's per-unit value: a first-event measure is 1 when there was one. */
const unitValue = (m: Measure) =>
  m.first ? Prisma.sql`(CASE WHEN ${m.expr} IS NOT NULL THEN 1 ELSE 0 END)::float8` : m.expr;

/**
 * Sufficient statistics per (group, arm): n (single-exposed units), the multi-exposed count, and for
 * every measure Σv and Σv² over single-exposed units, plus Σ a·b for each cross pair. The per-unit
 * values are computed once (a materialised CTE) before any group join, so a breakdown that puts a
 * profile in several segments does not re-run its subqueries per segment.
 */
export function armStatisticsSql(
  s: UnitScope,
  measures: readonly Measure[],
  crosses: readonly Cross[],
  grouping: Grouping = { kind: "none" },
) {
  const perUnit =
    measures.length > 0
      ? Prisma.sql`, ${Prisma.join(measures.map((m) => Prisma.sql`${unitValue(m)} AS ${col(m.name)}`))}`
      : Prisma.empty;
  const sums = measures.flatMap((m) => [
    Prisma.sql`COALESCE(SUM(g.${col(m.name)}) FILTER (WHERE NOT g."multiple"), 0)::float8 AS ${col(`${m.name}__sum`)}`,
    Prisma.sql`COALESCE(SUM(g.${col(m.name)} * g.${col(m.name)}) FILTER (WHERE NOT g."multiple"), 0)::float8 AS
      ${col(`${m.name}__sq`)}`,
  ]);
  const products = crosses.map(
    ([a, b]) =>
      Prisma.sql`COALESCE(SUM(g.${col(a)} * g.${col(b)}) FILTER (WHERE NOT g."multiple"), 0)::float8 AS
        ${col(`${a}__x__${b}`)}`,
  );
  const aggregates = [...sums, ...products];
  return Prisma.sql`
    WITH u AS MATERIALIZED (
      SELECT x."profileId", x."variantKey", x."exposedAt", x."multiple" ${perUnit}
      FROM "Exposure" x WHERE x."workspaceId" = ${s.workspaceId} AND x."experimentId" = ${s.experimentId})
    SELECT g."grp", g."variantKey",
      (count(*) FILTER (WHERE NOT g."multiple"))::int AS "n",
      (count(*) FILTER (WHERE g."multiple"))::int AS "multiple"
      ${aggregates.length > 0 ? Prisma.sql`, ${Prisma.join(aggregates)}` : Prisma.empty}
    FROM (${groupJoin(grouping)}) g
    GROUP BY g."grp", g."variantKey"
    ORDER BY g."grp", g."variantKey"`;
}

/**
 * Inserts exposures once per profile: a conflict keeps the first row's arm and time and only marks
 * the profile multi-exposed when the new arm differs (or the batch itself saw two arms).
 */
export const insertExposuresSql = (
  workspaceId: string,
  experimentId: string,
  rows: { profileId: string; variantKey: string; exposedAt: Date; multiple: boolean }[],
) => Prisma.sql`
  INSERT INTO "Exposure" ("workspaceId", "experimentId", "profileId", "variantKey", "exposedAt", "multiple")
  SELECT ${workspaceId}, ${experimentId}, u.profile_id, u.variant_key, u.exposed_at, u.multiple
  FROM unnest(${rows.map((r) => r.profileId)}::text[], ${rows.map((r) => r.variantKey)}::text[],
              ${rows.map((r) => r.exposedAt.toISOString())}::timestamp(3)[], ${rows.map((r) => r.multiple)}::boolean[])
    AS u(profile_id, variant_key, exposed_at, multiple)
  ON CONFLICT ("workspaceId", "experimentId", "profileId") DO UPDATE
    SET "multiple" = "Exposure"."multiple" OR EXCLUDED."multiple" OR "Exposure"."variantKey" <> EXCLUDED."variantKey"`;

/**
 * The calculator's baseline: for each profile delivered a message on `channel` in [since, until)
 * (optionally only the audience), the per-unit value of the metric after its first delivery there.
 * Sums for mean/proportion metrics; for CTR the ratio sums of clicks and deliveries per profile.
 */
export const baselineSql = (
  workspaceId: string,
  channel: string,
  since: Date,
  until: Date,
  value: "conversion" | "revenue" | "ctr",
  event: string,
  hours: number,
  audience: Prisma.Sql | null,
) => Prisma.sql`
  WITH d AS MATERIALIZED (
    SELECT e."profileId", min(e."occurredAt") AS "at", count(*)::float8 AS "deliveries",
      (SELECT count(*) FROM "Event" c WHERE c."workspaceId" = ${workspaceId} AND c."profileId" = e."profileId" AND
        c."channel" = ${channel}
        AND c."name" = 'message_clicked' AND c."occurredAt" >= ${since} AND c."occurredAt" < ${until})::float8 AS
          "clicks"
    FROM "Event" e
    WHERE e."workspaceId" = ${workspaceId} AND e."name" = 'message_delivered' AND e."channel" = ${channel}
      AND e."occurredAt" >= ${since} AND e."occurredAt" < ${until}
      ${audience ? Prisma.sql`AND e."profileId" IN (SELECT a."id" FROM (${audience}) a)` : Prisma.empty}
    GROUP BY e."profileId"
  ), v AS MATERIALIZED (
    SELECT d."deliveries", d."clicks",
      ${
        value === "ctr"
          ? Prisma.sql`0::float8`
          : value === "conversion"
            ? Prisma.sql`(CASE WHEN EXISTS (SELECT 1 FROM "Event" g
                WHERE g."workspaceId" = ${workspaceId} AND g."profileId" = d."profileId" AND g."name" = ${event}
                AND g."occurredAt" >= d."at" AND g."occurredAt" < d."at" + ${window(hours)}) THEN 1 ELSE 0 END)::float8`
            : Prisma.sql`COALESCE((SELECT SUM(COALESCE(g."revenue", 0)) FROM "Event" g
                WHERE g."workspaceId" = ${workspaceId} AND g."profileId" = d."profileId" AND g."name" = ${event}
                AND g."occurredAt" >= d."at" AND g."occurredAt" < d."at" + ${window(hours)}), 0)::float8`
      } AS "value"
    FROM d
  )
  SELECT count(*)::int AS "n",
    COALESCE(SUM(v."value"), 0)::float8 AS "sum", COALESCE(SUM(v."value" * v."value"), 0)::float8 AS "sumSquares",
    COALESCE(SUM(v."clicks"), 0)::float8 AS "numSum", COALESCE(SUM(v."clicks" * v."clicks"), 0)::float8 AS
      "numSumSquares",
    COALESCE(SUM(v."deliveries"), 0)::float8 AS "denSum", COALESCE(SUM(v."deliveries" * v."deliveries"), 0)::float8 AS
      "denSumSquares",
    COALESCE(SUM(v."clicks" * v."deliveries"), 0)::float8 AS "numDenSum"
  FROM v`;

/** Distinct profiles sent a message on `channel` per day, over the days in [since, until) that had sends. */
export const sendRateSql = (
  workspaceId: string,
  channel: string,
  since: Date,
  until: Date,
  audience: Prisma.Sql | null,
) => Prisma.sql`
  SELECT COALESCE(avg(s."profiles"), 0)::float8 AS "perDay", count(*)::int AS "days" FROM (
    SELECT date_trunc('day', e."occurredAt") AS "day", count(DISTINCT e."profileId")::float8 AS "profiles"
    FROM "Event" e
    WHERE e."workspaceId" = ${workspaceId} AND e."name" = 'message_sent' AND e."channel" = ${channel}
      AND e."occurredAt" >= ${since} AND e."occurredAt" < ${until}
      ${audience ? Prisma.sql`AND e."profileId" IN (SELECT a."id" FROM (${audience}) a)` : Prisma.empty}
    GROUP BY 1) s`;

/** The audience's size: the statement's distinct profile ids. */
export const audienceSizeSql = (audience: Prisma.Sql) =>
  Prisma.sql`SELECT count(DISTINCT a."id")::int AS "size" FROM (${audience}) a`;

/**
 * Exposures from experiment_exposure events (the demo history, imports): one row per profile, the
 * first exposure's arm and time, `multiple` when the profile's events name more than one arm.
 */
export const exposuresFromEventsSql = (
  workspaceId: string,
  experimentId: string,
  eventExperimentId: string,
) => Prisma.sql`
  INSERT INTO "Exposure" ("workspaceId", "experimentId", "profileId", "variantKey", "exposedAt", "multiple")
  SELECT ${workspaceId}, ${experimentId}, f."profileId", f."variant", f."at", f."arms" > 1
  FROM (
    SELECT e."profileId",
      (array_agg(e."properties"->>'variant' ORDER BY e."occurredAt", e."id"))[1] AS "variant",
      min(e."occurredAt") AS "at",
      count(DISTINCT e."properties"->>'variant') AS "arms"
    FROM "Event" e
    WHERE e."workspaceId" = ${workspaceId} AND e."name" = 'experiment_exposure' AND e."properties"->>'experimentId' =
      ${eventExperimentId}
    GROUP BY e."profileId") f
  ON CONFLICT ("workspaceId", "experimentId", "profileId") DO NOTHING`;

/**
 * For a conversion metric's cumulative lift: single-exposed units counted by (arm, exposure day,
 * first conversion day within the window or null). Summing up to each day gives exactly the
 * readout as it stood at the end of that day — also for a one-off send, where every exposure
 * falls on one day and only the conversions accrue.
 */
export const conversionDaysSql = (s: UnitScope, event: string, hours: number) => Prisma.sql`
  SELECT u."variantKey", to_char(u."exposedDay", 'YYYY-MM-DD') AS "exposedDay", to_char(u."convertedDay", 'YYYY-MM-DD')
    AS "convertedDay", count(*)::int AS "units"
  FROM (
    SELECT x."variantKey", date_trunc('day', x."exposedAt") AS "exposedDay",
      date_trunc('day', (SELECT min(e."occurredAt") FROM "Event" e WHERE e."workspaceId" = ${s.workspaceId} AND
        e."profileId" = x."profileId"
        AND e."name" = ${event} AND e."occurredAt" >= x."exposedAt" AND e."occurredAt" < x."exposedAt" +
          ${window(hours)})) AS "convertedDay"
    FROM "Exposure" x
    WHERE x."workspaceId" = ${s.workspaceId} AND x."experimentId" = ${s.experimentId} AND NOT x."multiple") u
  GROUP BY 1, 2, 3`;

/*
 * The incremental statistics (docs/experiments.md "The readout"): each exposed unit's current
 * contribution is kept in ExperimentUnitValue — "#n" or "#multiple" on its exposure day, and every
 * non-zero measure value on its day (a first-event measure on that event's day, others on the
 * exposure day), plus the cross terms a·b — and ExperimentDailyStat holds their sums and sums of
 * squares per (arm, day, measure). Multi-exposed units contribute only "#multiple".
 */

/**
 * The contribution rows of the experiment's units (all, or `profiles`): profileId, variantKey, measure, day, value ≠ 0.
 */
function unitContributionsSql(
  s: UnitScope,
  measures: readonly Measure[],
  crosses: readonly Cross[],
  profiles: string[] | null,
) {
  const perUnit = measures.map((m) => Prisma.sql`, ${m.expr} AS ${col(m.name)}`);
  const value = (m: Measure) =>
    m.first
      ? Prisma.sql`(CASE WHEN u.${col(m.name)} IS NOT NULL THEN 1 ELSE 0 END)::float8`
      : Prisma.sql`u.${col(m.name)}::float8`;
  const single = (v: Prisma.Sql) => Prisma.sql`CASE WHEN u."multiple" THEN 0 ELSE ${v} END`;
  const exposureDay = Prisma.sql`u."exposedAt"::date`;
  const rows = [
    Prisma.sql`('#n', ${exposureDay}, CASE WHEN u."multiple" THEN 0 ELSE 1 END::float8)`,
    Prisma.sql`('#multiple', ${exposureDay}, CASE WHEN u."multiple" THEN 1 ELSE 0 END::float8)`,
    ...measures.map(
      (m) =>
        Prisma.sql`(${m.name}, ${m.first ? Prisma.sql`COALESCE(u.${col(m.name)}::date, ${exposureDay})` : exposureDay},
          ${single(value(m))})`,
    ),
    ...crosses.map(([a, b]) => {
      const [ma, mb] = [a, b].map((name) => measures.find((m) => m.name === name)!);
      return Prisma.sql`(${crossName(a, b)}, ${exposureDay}, ${single(Prisma.sql`${value(ma!)} * ${value(mb!)}`)})`;
    }),
  ];
  return Prisma.sql`
    WITH u AS MATERIALIZED (
      SELECT x."profileId", x."variantKey", x."exposedAt", x."multiple" ${Prisma.join(perUnit, "")}
      FROM "Exposure" x WHERE x."workspaceId" = ${s.workspaceId} AND x."experimentId" = ${s.experimentId}
        ${profiles ? Prisma.sql`AND x."profileId" = ANY(${profiles}::text[])` : Prisma.empty})
    SELECT u."profileId", u."variantKey", v."measure", v."day", v."value"
    FROM u CROSS JOIN LATERAL (VALUES ${Prisma.join(rows)}) AS v("measure", "day", "value")
    WHERE v."value" <> 0`;
}

/** The measure name of a cross term Σ a·b. */
export const crossName = (a: string, b: string) => `${a}*${b}`;

/**
 * Recomputes the units of `profiles` and applies the difference: the stored contributions are
 * subtracted from the day rows, the fresh ones added (sum and sum of squares), and the stored ones
 * replaced. Run after claimDirtyUnitsSql in its own statement, so it sees everything committed
 * before the claim.
 */
export const refreshUnitsSql = (
  s: UnitScope,
  measures: readonly Measure[],
  crosses: readonly Cross[],
  profiles: string[],
) => Prisma.sql`
  WITH fresh AS MATERIALIZED (${unitContributionsSql(s, measures, crosses, profiles)}),
  old AS MATERIALIZED (
    SELECT o."profileId", o."variantKey", o."measure", o."day", o."value" FROM "ExperimentUnitValue" o
    WHERE o."workspaceId" = ${s.workspaceId} AND o."experimentId" = ${s.experimentId} AND o."profileId" =
      ANY(${profiles}::text[])),
  delta AS (
    SELECT c."variantKey", c."day", c."measure", sum(c."d") AS "d", sum(c."dsq") AS "dsq" FROM (
      SELECT f."variantKey", f."day", f."measure", f."value" AS "d", f."value" * f."value" AS "dsq" FROM fresh f
      UNION ALL
      SELECT o."variantKey", o."day", o."measure", -o."value", -(o."value" * o."value") FROM old o) c
    GROUP BY 1, 2, 3),
  bumped AS (
    INSERT INTO "ExperimentDailyStat" ("workspaceId", "experimentId", "variantKey", "day", "measure", "sum",
      "sumSquares")
    SELECT ${s.workspaceId}, ${s.experimentId}, d."variantKey", d."day", d."measure", d."d", d."dsq" FROM delta d WHERE
      d."d" <> 0 OR d."dsq" <> 0
    ON CONFLICT ("workspaceId", "experimentId", "variantKey", "day", "measure") DO UPDATE
      SET "sum" = "ExperimentDailyStat"."sum" + excluded."sum", "sumSquares" = "ExperimentDailyStat"."sumSquares" +
        excluded."sumSquares"
    RETURNING 1),
  gone AS (
    DELETE FROM "ExperimentUnitValue" t USING old o
    WHERE t."workspaceId" = ${s.workspaceId} AND t."experimentId" = ${s.experimentId} AND t."profileId" = o."profileId"
      AND t."measure" = o."measure"
      AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f."profileId" = o."profileId" AND f."measure" = o."measure")
    RETURNING 1)
  INSERT INTO "ExperimentUnitValue" ("workspaceId", "experimentId", "profileId", "measure", "variantKey", "day",
    "value")
  SELECT ${s.workspaceId}, ${s.experimentId}, f."profileId", f."measure", f."variantKey", f."day", f."value" FROM fresh
    f
  ON CONFLICT ("workspaceId", "experimentId", "profileId", "measure") DO UPDATE
    SET "variantKey" = excluded."variantKey", "day" = excluded."day", "value" = excluded."value"
    WHERE ("ExperimentUnitValue"."variantKey", "ExperimentUnitValue"."day", "ExperimentUnitValue"."value") IS DISTINCT
      FROM (excluded."variantKey", excluded."day", excluded."value")`;

/**
 * Takes up to `limit` dirty units of the experiment off the queue; rows another transaction holds
 * (a drain in progress, or a write not yet committed) are skipped and stay for the next drain.
 */
export const claimDirtyUnitsSql = (s: UnitScope, limit: number) => Prisma.sql`
  DELETE FROM "ExperimentDirtyUnit" d
  WHERE d."workspaceId" = ${s.workspaceId} AND d."experimentId" = ${s.experimentId} AND d."profileId" IN (
    SELECT q."profileId" FROM "ExperimentDirtyUnit" q WHERE q."workspaceId" = ${s.workspaceId} AND q."experimentId" =
      ${s.experimentId}
    LIMIT ${limit} FOR UPDATE SKIP LOCKED)
  RETURNING d."profileId"`;

/** The experiment's statistics from scratch: every unit's contributions, then their day sums (after clearing both). */
export const rebuildStatisticsSql = (s: UnitScope, measures: readonly Measure[], crosses: readonly Cross[]) => [
  Prisma.sql`DELETE FROM "ExperimentDirtyUnit" WHERE "workspaceId" = ${s.workspaceId} AND "experimentId" =
    ${s.experimentId}`,
  Prisma.sql`DELETE FROM "ExperimentUnitValue" WHERE "workspaceId" = ${s.workspaceId} AND "experimentId" =
    ${s.experimentId}`,
  Prisma.sql`DELETE FROM "ExperimentDailyStat" WHERE "workspaceId" = ${s.workspaceId} AND "experimentId" =
    ${s.experimentId}`,
  Prisma.sql`
    INSERT INTO "ExperimentUnitValue" ("workspaceId", "experimentId", "profileId", "measure", "variantKey", "day",
      "value")
    SELECT ${s.workspaceId}, ${s.experimentId}, c."profileId", c."measure", c."variantKey", c."day", c."value"
    FROM (${unitContributionsSql(s, measures, crosses, null)}) c`,
  Prisma.sql`
    INSERT INTO "ExperimentDailyStat" ("workspaceId", "experimentId", "variantKey", "day", "measure", "sum",
      "sumSquares")
    SELECT "workspaceId", "experimentId", "variantKey", "day", "measure", sum("value"), sum("value" * "value")
    FROM "ExperimentUnitValue" WHERE "workspaceId" = ${s.workspaceId} AND "experimentId" = ${s.experimentId}
    GROUP BY "workspaceId", "experimentId", "variantKey", "day", "measure"`,
];

/** The experiment's day rows: what the readout and its cumulative chart sum. */
export const dailyStatsSql = (s: UnitScope) => Prisma.sql`
  SELECT "variantKey", to_char("day", 'YYYY-MM-DD') AS "day", "measure", "sum", "sumSquares"
  FROM "ExperimentDailyStat" WHERE "workspaceId" = ${s.workspaceId} AND "experimentId" = ${s.experimentId}
  ORDER BY "day"`;

/** Exposed profiles per experiment from the statistics: every unit is one "#n" or one "#multiple". */
export const exposedUnitsSql = (workspaceId: string, experimentIds: string[]) => Prisma.sql`
  SELECT "experimentId", sum("sum")::float8 AS units FROM "ExperimentDailyStat"
  WHERE "workspaceId" = ${workspaceId} AND "experimentId" = ANY(${experimentIds}::text[]) AND "measure" IN ('#n',
    '#multiple')
  GROUP BY 1`;

/** Experiments with dirty units, and experiments whose statistics were never built. */
export const pendingStatisticsSql = () => Prisma.sql`
  SELECT DISTINCT d."workspaceId", d."experimentId" FROM "ExperimentDirtyUnit" d
  UNION
  SELECT e."workspaceId", e."id" FROM "Experiment" e WHERE e."readoutBuiltAt" IS NULL AND e."status" <> 'draft'`;

/** Dirty units of one experiment left (the readout says when it could not count them all). */
export const dirtyCountSql = (s: UnitScope) => Prisma.sql`
  SELECT count(*)::int AS "dirty" FROM "ExperimentDirtyUnit" WHERE "workspaceId" = ${s.workspaceId} AND "experimentId" =
    ${s.experimentId}`;

/**
 * A breakdown's per-(group, arm) sufficient statistics from the stored unit contributions (never the
 * events): one pass over the experiment's rows pivots them into one row per unit (its arm from its
 * "#n"/"#multiple" row), the grouping places units in groups, and the values are summed there.
 * Same columns as armStatisticsSql.
 */
export function breakdownStatisticsSql(
  s: UnitScope,
  measures: readonly Measure[],
  crosses: readonly Cross[],
  grouping: Grouping,
) {
  const names = [...measures.map((m) => m.name), ...crosses.map(([a, b]) => crossName(a, b))];
  const pivot = names.map(
    (name) => Prisma.sql`, COALESCE(SUM(o."value") FILTER (WHERE o."measure" = ${name}), 0)::float8 AS ${col(name)}`,
  );
  const aggregates = [
    ...measures.flatMap((m) => [
      Prisma.sql`SUM(g.${col(m.name)})::float8 AS ${col(`${m.name}__sum`)}`,
      Prisma.sql`SUM(g.${col(m.name)} * g.${col(m.name)})::float8 AS ${col(`${m.name}__sq`)}`,
    ]),
    ...crosses.map(([a, b]) => Prisma.sql`SUM(g.${col(crossName(a, b))})::float8 AS ${col(`${a}__x__${b}`)}`),
  ];
  return Prisma.sql`
    WITH u AS MATERIALIZED (
      SELECT o."profileId", max(o."variantKey") FILTER (WHERE o."measure" IN ('#n', '#multiple')) AS "variantKey",
        COALESCE(SUM(o."value") FILTER (WHERE o."measure" = '#n'), 0)::int AS "n",
        COALESCE(SUM(o."value") FILTER (WHERE o."measure" = '#multiple'), 0)::int AS "multiple"
        ${Prisma.join(pivot, "")}
      FROM "ExperimentUnitValue" o
      WHERE o."workspaceId" = ${s.workspaceId} AND o."experimentId" = ${s.experimentId}
      GROUP BY o."profileId")
    SELECT g."grp", g."variantKey", SUM(g."n")::int AS "n", SUM(g."multiple")::int AS "multiple",
      ${Prisma.join(aggregates)}
    FROM (${groupJoin(grouping)}) g
    GROUP BY g."grp", g."variantKey"
    ORDER BY g."grp", g."variantKey"`;
}

/**
 * Identity merge: the anonymous profile's exposures become the known one's. In an experiment both
 * were exposed to, one unit remains — the earlier exposure's arm and time, multi-exposed when the
 * two arms differ (or either already was).
 */
export const mergeExposuresSql = (workspaceId: string, from: string, into: string) => [
  Prisma.sql`
    UPDATE "Exposure" i SET
      "variantKey" = CASE WHEN f."exposedAt" < i."exposedAt" THEN f."variantKey" ELSE i."variantKey" END,
      "exposedAt" = LEAST(i."exposedAt", f."exposedAt"),
      "multiple" = i."multiple" OR f."multiple" OR i."variantKey" <> f."variantKey"
    FROM "Exposure" f
    WHERE i."workspaceId" = ${workspaceId} AND i."profileId" = ${into} AND f."workspaceId" = ${workspaceId} AND
      f."profileId" = ${from} AND f."experimentId" = i."experimentId"`,
  Prisma.sql`
    DELETE FROM "Exposure" f USING "Exposure" i
    WHERE f."workspaceId" = ${workspaceId} AND f."profileId" = ${from} AND i."workspaceId" = ${workspaceId} AND
      i."profileId" = ${into} AND i."experimentId" = f."experimentId"`,
  Prisma.sql`UPDATE "Exposure" SET "profileId" = ${into} WHERE "workspaceId" = ${workspaceId} AND "profileId" =
    ${from}`,
];

/**
 * One writer of an experiment's statistics at a time (a rebuild and a drain, or two rebuilds, would collide on the unit
 * rows).
 */
export const lockStatisticsSql = (s: UnitScope) =>
  Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`readout:${s.workspaceId}:${s.experimentId}`}, 0))::text`;
