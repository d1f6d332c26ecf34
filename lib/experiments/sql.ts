import { Prisma } from "@/lib/generated/prisma/client";

/*
 * The experiment readout's SQL: one aggregate per experiment (and per breakdown) turning exposures
 * and the events after them into sufficient statistics per arm (STATS.md "Inputs"). Units are
 * exposed profiles; the per-unit values are correlated subqueries on Event's
 * (workspaceId, profileId, occurredAt) index, so each unit reads only its own events in its window.
 */

/** One per-unit value the aggregate sums (and sums the squares of). */
export type Measure = { name: string; expr: Prisma.Sql };
/** Pairs whose per-unit product is summed too (ratio metrics: Σ M·D). */
export type Cross = [string, string];

export type UnitScope = { workspaceId: string; experimentId: string };

const window = (hours: number) => Prisma.sql`make_interval(hours => ${hours}::int)`;

/** 1 when the profile had `event` within `hours` after exposure, else 0. */
export const convertedWithin = (s: UnitScope, event: string, hours: number) => Prisma.sql`
  (CASE WHEN EXISTS (SELECT 1 FROM "Event" e WHERE e."workspaceId" = ${s.workspaceId} AND e."profileId" = x."profileId"
    AND e."name" = ${event} AND e."occurredAt" >= x."exposedAt" AND e."occurredAt" < x."exposedAt" + ${window(hours)}) THEN 1 ELSE 0 END)::float8`;

/** The revenue of `event` within `hours` after exposure (0 without). */
export const revenueWithin = (s: UnitScope, event: string, hours: number) => Prisma.sql`
  COALESCE((SELECT SUM(COALESCE(e."revenue", 0)) FROM "Event" e WHERE e."workspaceId" = ${s.workspaceId} AND e."profileId" = x."profileId"
    AND e."name" = ${event} AND e."occurredAt" >= x."exposedAt" AND e."occurredAt" < x."exposedAt" + ${window(hours)}), 0)::float8`;

/** How many of the campaign's message events named `names` the profile has since exposure. */
export const campaignEventCount = (s: UnitScope, campaignId: string, names: readonly string[]) => Prisma.sql`
  (SELECT count(*) FROM "Event" e WHERE e."workspaceId" = ${s.workspaceId} AND e."profileId" = x."profileId"
    AND e."campaignId" = ${campaignId} AND e."name" IN (${Prisma.join(names)}) AND e."occurredAt" >= x."exposedAt")::float8`;

/** 1 when the profile has any of the campaign's message events named `names` since exposure. */
export const campaignEventAny = (s: UnitScope, campaignId: string, names: readonly string[]) => Prisma.sql`
  (CASE WHEN EXISTS (SELECT 1 FROM "Event" e WHERE e."workspaceId" = ${s.workspaceId} AND e."profileId" = x."profileId"
    AND e."campaignId" = ${campaignId} AND e."name" IN (${Prisma.join(names)}) AND e."occurredAt" >= x."exposedAt") THEN 1 ELSE 0 END)::float8`;

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
      return Prisma.sql`SELECT u.*, COALESCE(pa."personaId", '') AS "grp" FROM u LEFT JOIN (${grouping.assignment}) pa ON pa."profileId" = u."profileId"`;
    case "segment":
      return Prisma.sql`SELECT u.*, sa."grp" FROM u JOIN (${Prisma.join(
        grouping.audiences.map((a) => Prisma.sql`SELECT a."id" AS "profileId", ${a.segmentId}::text AS "grp" FROM (${a.audience}) a`),
        " UNION ALL ",
      )}) sa ON sa."profileId" = u."profileId"`;
  }
}

/**
 * Sufficient statistics per (group, arm): n (single-exposed units), the multi-exposed count, and for
 * every measure Σv and Σv² over single-exposed units, plus Σ a·b for each cross pair. The per-unit
 * values are computed once (a materialised CTE) before any group join, so a breakdown that puts a
 * profile in several segments does not re-run its subqueries per segment.
 */
export function armStatisticsSql(s: UnitScope, measures: readonly Measure[], crosses: readonly Cross[], grouping: Grouping = { kind: "none" }) {
  const col = (name: string) => Prisma.raw(`"${name.replace(/[^a-z0-9_]/gi, "")}"`);
  const perUnit = measures.length > 0 ? Prisma.sql`, ${Prisma.join(measures.map((m) => Prisma.sql`${m.expr} AS ${col(m.name)}`))}` : Prisma.empty;
  const sums = measures.flatMap((m) => [
    Prisma.sql`COALESCE(SUM(g.${col(m.name)}) FILTER (WHERE NOT g."multiple"), 0)::float8 AS ${col(`${m.name}__sum`)}`,
    Prisma.sql`COALESCE(SUM(g.${col(m.name)} * g.${col(m.name)}) FILTER (WHERE NOT g."multiple"), 0)::float8 AS ${col(`${m.name}__sq`)}`,
  ]);
  const products = crosses.map(([a, b]) => Prisma.sql`COALESCE(SUM(g.${col(a)} * g.${col(b)}) FILTER (WHERE NOT g."multiple"), 0)::float8 AS ${col(`${a}__x__${b}`)}`);
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
export const insertExposuresSql = (workspaceId: string, experimentId: string, rows: { profileId: string; variantKey: string; exposedAt: Date; multiple: boolean }[]) => Prisma.sql`
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
export const baselineSql = (workspaceId: string, channel: string, since: Date, until: Date, value: "conversion" | "revenue" | "ctr", event: string, hours: number, audience: Prisma.Sql | null) => Prisma.sql`
  WITH d AS MATERIALIZED (
    SELECT e."profileId", min(e."occurredAt") AS "at", count(*)::float8 AS "deliveries",
      (SELECT count(*) FROM "Event" c WHERE c."workspaceId" = ${workspaceId} AND c."profileId" = e."profileId" AND c."channel" = ${channel}
        AND c."name" = 'message_clicked' AND c."occurredAt" >= ${since} AND c."occurredAt" < ${until})::float8 AS "clicks"
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
            ? Prisma.sql`(CASE WHEN EXISTS (SELECT 1 FROM "Event" g WHERE g."workspaceId" = ${workspaceId} AND g."profileId" = d."profileId" AND g."name" = ${event}
                AND g."occurredAt" >= d."at" AND g."occurredAt" < d."at" + ${window(hours)}) THEN 1 ELSE 0 END)::float8`
            : Prisma.sql`COALESCE((SELECT SUM(COALESCE(g."revenue", 0)) FROM "Event" g WHERE g."workspaceId" = ${workspaceId} AND g."profileId" = d."profileId" AND g."name" = ${event}
                AND g."occurredAt" >= d."at" AND g."occurredAt" < d."at" + ${window(hours)}), 0)::float8`
      } AS "value"
    FROM d
  )
  SELECT count(*)::int AS "n",
    COALESCE(SUM(v."value"), 0)::float8 AS "sum", COALESCE(SUM(v."value" * v."value"), 0)::float8 AS "sumSquares",
    COALESCE(SUM(v."clicks"), 0)::float8 AS "numSum", COALESCE(SUM(v."clicks" * v."clicks"), 0)::float8 AS "numSumSquares",
    COALESCE(SUM(v."deliveries"), 0)::float8 AS "denSum", COALESCE(SUM(v."deliveries" * v."deliveries"), 0)::float8 AS "denSumSquares",
    COALESCE(SUM(v."clicks" * v."deliveries"), 0)::float8 AS "numDenSum"
  FROM v`;

/** Distinct profiles sent a message on `channel` per day, over the days in [since, until) that had sends. */
export const sendRateSql = (workspaceId: string, channel: string, since: Date, until: Date, audience: Prisma.Sql | null) => Prisma.sql`
  SELECT COALESCE(avg(s."profiles"), 0)::float8 AS "perDay", count(*)::int AS "days" FROM (
    SELECT date_trunc('day', e."occurredAt") AS "day", count(DISTINCT e."profileId")::float8 AS "profiles"
    FROM "Event" e
    WHERE e."workspaceId" = ${workspaceId} AND e."name" = 'message_sent' AND e."channel" = ${channel}
      AND e."occurredAt" >= ${since} AND e."occurredAt" < ${until}
      ${audience ? Prisma.sql`AND e."profileId" IN (SELECT a."id" FROM (${audience}) a)` : Prisma.empty}
    GROUP BY 1) s`;

/** The audience's size: the statement's distinct profile ids. */
export const audienceSizeSql = (audience: Prisma.Sql) => Prisma.sql`SELECT count(DISTINCT a."id")::int AS "size" FROM (${audience}) a`;

/**
 * Exposures from experiment_exposure events (the demo history, imports): one row per profile, the
 * first exposure's arm and time, `multiple` when the profile's events name more than one arm.
 */
export const exposuresFromEventsSql = (workspaceId: string, experimentId: string, eventExperimentId: string) => Prisma.sql`
  INSERT INTO "Exposure" ("workspaceId", "experimentId", "profileId", "variantKey", "exposedAt", "multiple")
  SELECT ${workspaceId}, ${experimentId}, f."profileId", f."variant", f."at", f."arms" > 1
  FROM (
    SELECT e."profileId",
      (array_agg(e."properties"->>'variant' ORDER BY e."occurredAt", e."id"))[1] AS "variant",
      min(e."occurredAt") AS "at",
      count(DISTINCT e."properties"->>'variant') AS "arms"
    FROM "Event" e
    WHERE e."workspaceId" = ${workspaceId} AND e."name" = 'experiment_exposure' AND e."properties"->>'experimentId' = ${eventExperimentId}
    GROUP BY e."profileId") f
  ON CONFLICT ("workspaceId", "experimentId", "profileId") DO NOTHING`;

/**
 * For a conversion metric's cumulative lift: single-exposed units counted by (arm, exposure day,
 * first conversion day within the window or null). Summing up to each day gives exactly the
 * readout as it stood at the end of that day — also for a one-off send, where every exposure
 * falls on one day and only the conversions accrue.
 */
export const conversionDaysSql = (s: UnitScope, event: string, hours: number) => Prisma.sql`
  SELECT u."variantKey", to_char(u."exposedDay", 'YYYY-MM-DD') AS "exposedDay", to_char(u."convertedDay", 'YYYY-MM-DD') AS "convertedDay", count(*)::int AS "units"
  FROM (
    SELECT x."variantKey", date_trunc('day', x."exposedAt") AS "exposedDay",
      date_trunc('day', (SELECT min(e."occurredAt") FROM "Event" e WHERE e."workspaceId" = ${s.workspaceId} AND e."profileId" = x."profileId"
        AND e."name" = ${event} AND e."occurredAt" >= x."exposedAt" AND e."occurredAt" < x."exposedAt" + ${window(hours)})) AS "convertedDay"
    FROM "Exposure" x
    WHERE x."workspaceId" = ${s.workspaceId} AND x."experimentId" = ${s.experimentId} AND NOT x."multiple") u
  GROUP BY 1, 2, 3`;
