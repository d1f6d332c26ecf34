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
 * Search: an exact id (ours, the sender's, or an anonymous id), an e-mail prefix (case-insensitive),
 * or a trait value. Each branch is its own indexed lookup — the primary key, (workspaceId,
 * externalId), (workspaceId, lower(email) text_pattern_ops), the alias key — united into one id
 * set; as one OR over "Profile" they made PostgreSQL scan every profile. The trait branch has no
 * index and scans the workspace's profiles (docs/data.md).
 */
function searchCondition(workspaceId: string, q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.empty;
  const literal = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  // Lower-cased here, so the pattern reaches the planner as a constant prefix it can range-scan.
  const prefix = `${literal.toLowerCase()}%`;
  return Prisma.sql`AND p."id" IN (
    SELECT ${q}::text
    UNION ALL SELECT x."id" FROM "Profile" x WHERE x."workspaceId" = ${workspaceId} AND x."externalId" = ${q}
    UNION ALL SELECT x."id" FROM "Profile" x WHERE x."workspaceId" = ${workspaceId} AND lower(x."email") LIKE ${prefix}
    UNION ALL SELECT a."profileId" FROM "ProfileAlias" a WHERE a."workspaceId" = ${workspaceId} AND a."anonymousId" = ${q}
    UNION ALL SELECT x."id" FROM "Profile" x WHERE x."workspaceId" = ${workspaceId} AND EXISTS (SELECT 1 FROM jsonb_each_text(x."traits") t WHERE t.value ILIKE ${literal})
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
