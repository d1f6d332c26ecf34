import { Prisma } from "@/lib/generated/prisma/client";
import type { ProfileListQuery } from "./schema";

// Column names come from the schema's allow-list (PROFILE_SORTS), never from raw input.
const SORT_COLUMNS: Record<ProfileListQuery["sort"], Prisma.Sql> = {
  lastSeenAt: Prisma.raw(`"lastSeenAt"`),
  firstSeenAt: Prisma.raw(`"firstSeenAt"`),
  ltv: Prisma.raw(`"ltv"`),
  ordersCount: Prisma.raw(`"ordersCount"`),
  email: Prisma.raw(`"email"`),
  createdAt: Prisma.raw(`"createdAt"`),
};

/**
 * Search: an exact id (ours, the sender's, or an anonymous id), an e-mail prefix, or a trait value.
 * The id and e-mail branches use (workspaceId, externalId) / (workspaceId, email) and the alias key;
 * the trait branch scans the workspace's profiles (docs/data.md).
 */
function searchCondition(workspaceId: string, q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.empty;
  const like = `${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return Prisma.sql`AND (
    p."id" = ${q} OR p."externalId" = ${q} OR p."email" ILIKE ${like}
    OR EXISTS (SELECT 1 FROM "ProfileAlias" a WHERE a."workspaceId" = ${workspaceId} AND a."anonymousId" = ${q} AND a."profileId" = p."id")
    OR EXISTS (SELECT 1 FROM jsonb_each_text(p."traits") t WHERE t.value ILIKE ${q})
  )`;
}

export const listProfilesSql = (workspaceId: string, query: ProfileListQuery) => Prisma.sql`
  SELECT p."id", p."externalId", p."email", p."country", p."platform", p."ordersCount", p."ltv"::text AS "ltv",
         p."firstSeenAt", p."lastSeenAt", p."favouriteCategory", (p."externalId" IS NULL) AS "anonymous"
  FROM "Profile" p
  WHERE p."workspaceId" = ${workspaceId} ${searchCondition(workspaceId, query.q)}
  ORDER BY p.${SORT_COLUMNS[query.sort]} ${Prisma.raw(query.dir === "asc" ? "ASC NULLS FIRST" : "DESC NULLS LAST")}, p."id"
  LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`;

export const countProfilesSql = (workspaceId: string, query: ProfileListQuery) => Prisma.sql`
  SELECT count(*)::int AS total FROM "Profile" p WHERE p."workspaceId" = ${workspaceId} ${searchCondition(workspaceId, query.q)}`;

/**
 * Distinct event names by a loose index scan over ProfileEventDaily's (workspaceId, name, day)
 * index: one index probe per name instead of reading every rollup row.
 */
export const eventNamesSql = (workspaceId: string) => Prisma.sql`
  WITH RECURSIVE names AS (
    (SELECT d."name" FROM "ProfileEventDaily" d WHERE d."workspaceId" = ${workspaceId} ORDER BY d."name" LIMIT 1)
    UNION ALL
    SELECT (SELECT d."name" FROM "ProfileEventDaily" d WHERE d."workspaceId" = ${workspaceId} AND d."name" > names."name" ORDER BY d."name" LIMIT 1)
    FROM names WHERE names."name" IS NOT NULL
  )
  SELECT "name" FROM names WHERE "name" IS NOT NULL LIMIT 500`;

/** The properties of an event's latest occurrences, read backwards along (workspaceId, name, occurredAt). */
export const recentEventPropertiesSql = (workspaceId: string, name: string, limit: number) => Prisma.sql`
  SELECT k.key, k.value
  FROM (SELECT e."properties" FROM "Event" e WHERE e."workspaceId" = ${workspaceId} AND e."name" = ${name} ORDER BY e."occurredAt" DESC LIMIT ${limit}) e,
       jsonb_each(e."properties") AS k(key, value)`;
