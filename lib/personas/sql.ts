import { Prisma } from "@/lib/generated/prisma/client";
import { LTV_BUCKETS, LTV_OVER, ltvBucketLabel, ORDER_BUCKETS, ORDERS_OVER, ordersBucketLabel } from "./buckets";

const bucketCase = (
  column: Prisma.Sql,
  bounds: readonly number[],
  label: (lo: number | null, hi: number) => string,
  over: string,
) =>
  Prisma.sql`CASE ${Prisma.join(
    bounds.map((hi, i) => Prisma.sql`WHEN ${column} <= ${hi} THEN ${label(i === 0 ? null : bounds[i - 1]!, hi)}::text`),
    " ",
  )} ELSE ${over}::text END`;

/**
 * Every distribution of the persona page in one pass over the audience: rows of
 * (dimension, value, profiles). The `summary` row carries the size and the computed-trait
 * statistics the metric assumptions read (medians by percentile_cont: the midpoint of the two
 * middle values when the audience is even).
 */
export const distributionsSql = (workspaceId: string, audience: Prisma.Sql) => Prisma.sql`
  WITH a AS MATERIALIZED (
    SELECT p."country", p."platform", p."locale", p."favouriteCategory", p."activeHour", p."ordersCount", p."ltv",
      p."aov"
    FROM "Profile" p
    WHERE p."workspaceId" = ${workspaceId} AND p."id" IN (${audience})
  )
  SELECT 'country' AS "dimension", "country" AS "value", count(*)::int AS "profiles" FROM a GROUP BY 2
  UNION ALL SELECT 'platform', "platform", count(*)::int FROM a GROUP BY 2
  UNION ALL SELECT 'locale', "locale", count(*)::int FROM a GROUP BY 2
  UNION ALL SELECT 'favouriteCategory', "favouriteCategory", count(*)::int FROM a GROUP BY 2
  UNION ALL SELECT 'activeHour', "activeHour"::text, count(*)::int FROM a GROUP BY 2
  UNION ALL SELECT 'ltv', ${bucketCase(Prisma.sql`"ltv"`, LTV_BUCKETS, ltvBucketLabel, LTV_OVER)}, count(*)::int FROM a
    GROUP BY 2
  UNION ALL SELECT 'ordersCount',
    ${bucketCase(Prisma.sql`"ordersCount"`, ORDER_BUCKETS, ordersBucketLabel, ORDERS_OVER)}, count(*)::int FROM a GROUP
    BY 2
  UNION ALL SELECT 'summary', json_build_object(
      'ltvMedian', percentile_cont(0.5) WITHIN GROUP (ORDER BY "ltv"), 'ltvMean', avg("ltv"),
      'ordersCountMedian', percentile_cont(0.5) WITHIN GROUP (ORDER BY "ordersCount"), 'ordersCountMean',
        avg("ordersCount"),
      'aovMedian', percentile_cont(0.5) WITHIN GROUP (ORDER BY "aov"), 'aovMean', avg("aov"), 'aovKnown', count("aov")
    )::text, count(*)::int FROM a`;

/**
 * Message response per channel for the audience, as docs/product.md defines the rates: unique opens
 * (clickers) / delivered, a message being one campaign's send to one profile (events written
 * without a campaign count one message each). Reads the (workspaceId, name, occurredAt) index.
 */
export const channelResponseSql = (workspaceId: string, audience: Prisma.Sql) => Prisma.sql`
  SELECT e."channel",
    count(DISTINCT (coalesce(e."campaignId", e."messageId"), e."profileId")) FILTER (WHERE e."name" =
      'message_delivered')::int AS "delivered",
    count(DISTINCT (coalesce(e."campaignId", e."messageId"), e."profileId")) FILTER (WHERE e."name" =
      'message_opened')::int AS "opened",
    count(DISTINCT (coalesce(e."campaignId", e."messageId"), e."profileId")) FILTER (WHERE e."name" =
      'message_clicked')::int AS "clicked"
  FROM "Event" e
  WHERE e."workspaceId" = ${workspaceId}
    AND e."name" IN ('message_delivered', 'message_opened', 'message_clicked')
    AND e."channel" IS NOT NULL
    AND e."profileId" IN (${audience})
  GROUP BY e."channel"
  ORDER BY e."channel"`;

/** How many of one audience are also in another (a sub-persona's share of its parent). */
export const overlapSql = (inner: Prisma.Sql, outer: Prisma.Sql) => Prisma.sql`
  SELECT count(*)::int AS "overlap" FROM (${inner}) i WHERE i."id" IN (${outer})`;

/** One row per profile: the highest-ranked persona whose audience it is in (deepest, then first created). */
export const assignmentSql = (
  members: { personaId: string; depth: number; order: number; audience: Prisma.Sql }[],
) => Prisma.sql`
  SELECT DISTINCT ON ("profileId") "profileId", "personaId"
  FROM (${Prisma.join(
    members.map(
      (m) =>
        Prisma.sql`SELECT a."id" AS "profileId", ${m.personaId}::text AS "personaId", ${m.depth}::int AS "depth",
          ${m.order}::int AS "ord" FROM (${m.audience}) a`,
    ),
    " UNION ALL ",
  )}) m
  ORDER BY "profileId", "depth" DESC, "ord"`;

/**
 * `LEFT JOIN … pa` of a persona assignment (personaAssignmentSql) on `profileId` (a column
 * expression), so `pa."personaId"` is the profile's persona or NULL; with no persona bound (null
 * assignment) a join that matches nothing, so the same statement works either way.
 */
export const personaJoinSql = (assignment: Prisma.Sql | null, profileId: Prisma.Sql) =>
  assignment
    ? Prisma.sql`LEFT JOIN (${assignment}) pa ON pa."profileId" = ${profileId}`
    : Prisma.sql`LEFT JOIN (SELECT NULL::text AS "profileId", NULL::text AS "personaId") pa ON false`;

export const assignmentOfSql = (assignment: Prisma.Sql, profileIds: readonly string[]) => Prisma.sql`
  SELECT s."profileId", s."personaId" FROM (${assignment}) s
  WHERE s."profileId" IN (${profileIds.length > 0 ? Prisma.join(profileIds) : Prisma.sql`NULL`})`;

/**
 * Claims a persona's insight computation: inserts its row, or takes it over when no computation
 * holds it (or the one holding it started before `expired`: its process died) and what is stored
 * is still not current (`basis` differs or it predates `dueBefore`), so a request that read the row
 * just before another computation finished does not start a second one. One statement, so of
 * concurrent claims exactly one returns a row.
 */
export const claimInsightSql = (
  workspaceId: string,
  personaId: string,
  basis: string,
  now: Date,
  expired: Date,
  dueBefore: Date,
) => Prisma.sql`
  INSERT INTO "PersonaInsight" ("workspaceId", "personaId", "computingSince") VALUES (${workspaceId}, ${personaId},
    ${now})
  ON CONFLICT ("workspaceId", "personaId") DO UPDATE SET "computingSince" = EXCLUDED."computingSince"
  WHERE ("PersonaInsight"."computingSince" IS NULL OR "PersonaInsight"."computingSince" < ${expired})
    AND ("PersonaInsight"."basis" IS DISTINCT FROM ${basis} OR "PersonaInsight"."asOf" IS NULL OR
      "PersonaInsight"."asOf" < ${dueBefore})
  RETURNING "computingSince"`;
