import { qualified } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProfileListQuery } from "./schema";

// Column names come from the schema's allow-list (PROFILE_SORTS), never from raw input.
const SORT_COLUMNS: Record<ProfileListQuery["sort"], string> = {
  lastSeenAt: "lastSeenAt",
  firstSeenAt: "firstSeenAt",
  ltv: "ltv",
  ordersCount: "ordersCount",
  email: "email",
  createdAt: "createdAt",
};
const DIRECTIONS = { asc: Prisma.sql`ASC NULLS FIRST`, desc: Prisma.sql`DESC NULLS LAST` };

/**
 * A trait value as a JSON path over lower-cased traits: `$.* ? (@ == "gold")`, plus the number or
 * boolean the text spells, since traits keep their JSON types ("42" finds {"age": 42}).
 */
function traitValuePath(q: string): string {
  const value = q.toLowerCase();
  const alternatives = [`@ == ${JSON.stringify(value)}`];
  if (/^-?\d+(\.\d+)?$/.test(value)) alternatives.push(`@ == ${value}`);
  if (value === "true" || value === "false") alternatives.push(`@ == ${value}`);
  return `$.* ? (${alternatives.join(" || ")})`;
}

/**
 * Search: an exact id (ours, the sender's, or an anonymous id), an e-mail prefix, or a trait value,
 * all case-insensitive but the ids. Each branch is its own indexed lookup — (workspaceId, externalId),
 * (workspaceId, lower(email) text_pattern_ops), the alias key, the GIN index on lower-cased traits —
 * collected into an array first (an InitPlan), so the profiles are then fetched by primary key and
 * sorted. As one OR with EXISTS branches no index could serve it: every profile was read (docs/data.md).
 */
function searchCondition(workspaceId: string, q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.empty;
  // Lower-cased here, so the pattern reaches the planner as a constant prefix it can range-scan.
  const prefix = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`AND p."id" = ANY(ARRAY(
    SELECT ${q}::text
    UNION ALL SELECT x."id" FROM "Profile" x WHERE x."workspaceId" = ${workspaceId} AND x."externalId" = ${q}
    UNION ALL SELECT x."id" FROM "Profile" x WHERE x."workspaceId" = ${workspaceId} AND lower(x."email") LIKE ${prefix}
    UNION ALL SELECT a."profileId" FROM "ProfileAlias" a WHERE a."workspaceId" = ${workspaceId} AND a."anonymousId" =
      ${q}
    UNION ALL SELECT x."id" FROM "Profile" x WHERE x."workspaceId" = ${workspaceId} AND lower(x."traits"::text)::jsonb
      @? ${traitValuePath(q)}::jsonpath
  ))`;
}

export const listProfilesSql = (workspaceId: string, query: ProfileListQuery) => Prisma.sql`
  SELECT p."id", p."externalId", p."email", p."country", p."platform", p."ordersCount", p."ltv"::text AS "ltv",
         p."firstSeenAt", p."lastSeenAt", p."favouriteCategory", (p."externalId" IS NULL) AS "anonymous"
  FROM "Profile" p
  WHERE p."workspaceId" = ${workspaceId} ${searchCondition(workspaceId, query.q)}
  ORDER BY ${qualified("p", SORT_COLUMNS[query.sort])} ${DIRECTIONS[query.dir]}, p."id"
  LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;

/**
 * How many profiles match, counted up to `cap`: an exact count of a million profiles reads the whole
 * index on every page view (0.35–0.9 s at 1M, 1.3 s p95 with four analysts); past a few pages nobody
 * needs more than "more than 10,000".
 */
export const countProfilesSql = (workspaceId: string, query: ProfileListQuery, cap: number) => Prisma.sql`
  SELECT count(*)::int AS total FROM (SELECT 1 FROM "Profile" p WHERE p."workspaceId" = ${workspaceId}
    ${searchCondition(workspaceId, query.q)} LIMIT ${cap}) matched`;

/**
 * Distinct event names by a loose index scan over ProfileEventDaily's (workspaceId, name, day)
 * index: one index probe per name instead of reading every rollup row.
 */
export const eventNamesSql = (workspaceId: string) => Prisma.sql`
  WITH RECURSIVE names AS (
    (SELECT d."name" FROM "ProfileEventDaily" d WHERE d."workspaceId" = ${workspaceId} ORDER BY d."name" LIMIT 1)
    UNION ALL
    SELECT (SELECT d."name" FROM "ProfileEventDaily" d WHERE d."workspaceId" = ${workspaceId} AND d."name" >
      names."name" ORDER BY d."name" LIMIT 1)
    FROM names WHERE names."name" IS NOT NULL
  )
  SELECT "name" FROM names WHERE "name" IS NOT NULL LIMIT 500`;

/** The properties of an event's latest occurrences, read backwards along (workspaceId, name, occurredAt). */
export const recentEventPropertiesSql = (workspaceId: string, name: string, limit: number) => Prisma.sql`
  SELECT k.key, k.value
  FROM (SELECT e."properties" FROM "Event" e WHERE e."workspaceId" = ${workspaceId} AND e."name" = ${name} ORDER BY
    e."occurredAt" DESC LIMIT ${limit}) e,
       jsonb_each(e."properties") AS k(key, value)`;

/** The first profile id of each of `count` equal ranges of the workspace's profiles, in order. */
export const profileRangeStartsSql = (workspaceId: string, count: number) => Prisma.sql`
  SELECT min("id") AS first
  FROM (SELECT "id", ntile(${count}::int) OVER (ORDER BY "id") AS chunk
        FROM "Profile" WHERE "workspaceId" = ${workspaceId}) c
  GROUP BY chunk ORDER BY 1`;
