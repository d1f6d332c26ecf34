import { ident } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CompiledDefinition } from "./compile";

// Every statement is one scan of the workspace's profiles (or of a required condition's profiles)
// with the definition's aggregates joined (compile.ts); the definition's values are all bound parameters.

/**
 * The statement's rows. With a driver (a required condition's list of profiles) the scan starts
 * there; when no condition reads the profile row, "Profile" is not read at all — every subquery is
 * already scoped to the workspace, and rollups, events and static members only name real profiles
 * (foreign keys). Callers append `AND …` conditions.
 */
const from = (workspaceId: string, compiled: CompiledDefinition, needsProfileRow = false) => {
  const { driver } = compiled;
  if (driver && !compiled.readsProfile && !needsProfileRow) {
    return Prisma.sql`FROM (${driver.subquery}) ${driver.alias} CROSS JOIN LATERAL (SELECT ${driver.alias}.pid AS "id")
      p
  ${compiled.joins}
  WHERE TRUE`;
  }
  if (compiled.columns.length > 0) {
    // Per-node counts where no condition reads the row: the conditions' booleans beside each profile
    // id, computed once; OFFSET 0 keeps PostgreSQL from folding them back into every count that
    // mentions them. Only the id, so "Profile" is read index-only through its primary key: `p.*`
    // made it a scan of the wide rows (1M profiles: 0.85 s of a 1.25 s statement).
    return Prisma.sql`FROM (SELECT p."id", ${Prisma.join(compiled.columns, ", ")} FROM "Profile" p WHERE p."workspaceId"
      = ${workspaceId} OFFSET 0) p
  ${compiled.joins}
  WHERE TRUE`;
  }
  const driverJoin = driver
    ? Prisma.sql`JOIN (${driver.subquery}) ${driver.alias} ON ${driver.alias}.pid = p."id"`
    : Prisma.empty;
  return Prisma.sql`FROM "Profile" p ${driverJoin}
  ${compiled.joins}
  WHERE p."workspaceId" = ${workspaceId}`;
};

export const audienceSql = (workspaceId: string, compiled: CompiledDefinition) => Prisma.sql`
  SELECT p."id" ${from(workspaceId, compiled)} AND ${compiled.root}`;

export const totalSql = (workspaceId: string, compiled: CompiledDefinition) => Prisma.sql`
  SELECT count(*)::int AS "total" ${from(workspaceId, compiled)} AND ${compiled.root}`;

/** The total and, per node i, "c{i}" (the node alone) and "r{i}" (its group's running result). */
export const nodeCountsSql = (workspaceId: string, compiled: CompiledDefinition) => Prisma.sql`
  SELECT count(*) FILTER (WHERE ${compiled.root})::int AS "total",
    ${Prisma.join(
      compiled.nodes.map(
        (node, i) => Prisma.sql`count(*) FILTER (WHERE ${node.match})::int AS ${ident(`c${i}`)},
        ${node.running ? Prisma.sql`count(*) FILTER (WHERE ${node.running})::int` : Prisma.sql`NULL::int`}
          AS ${ident(`r${i}`)}`,
      ),
      ",\n",
    )}
  ${from(workspaceId, compiled)}`;

export const sampleSql = (workspaceId: string, compiled: CompiledDefinition, limit: number) => Prisma.sql`
  SELECT p."id", p."externalId", p."email", p."country", p."platform", p."ltv"::text AS "ltv", p."ordersCount",
    p."lastSeenAt"
  ${from(workspaceId, compiled, true)} AND ${compiled.root}
  ORDER BY p."lastSeenAt" DESC NULLS LAST, p."id"
  LIMIT ${limit}`;

/** One profile: per node i, "m{i}" (matched) and "v{i}" (the deciding value as JSON). */
export const explainSql = (workspaceId: string, compiled: CompiledDefinition, profileId: string) => Prisma.sql`
  SELECT ${Prisma.join(
    compiled.nodes.map(
      (node, i) =>
        Prisma.sql`${node.match} AS ${ident(`m${i}`)},
          ${node.value ? Prisma.sql`to_jsonb(${node.value})` : Prisma.sql`NULL::jsonb`} AS ${ident(`v${i}`)}`,
    ),
    ",\n",
  )}
  ${from(workspaceId, compiled)} AND p."id" = ${profileId}`;

/**
 * What an audience count depends on beyond events (the report cache's data version): the newest
 * audit entry — segment and persona edits, preference-page changes and imports are all audited —
 * and how far the workspace's imports have got. Two index lookups on small tables.
 */
export const audienceVersionSql = (workspaceId: string) => Prisma.sql`
  SELECT (SELECT "id"::text FROM "AuditLog" WHERE "workspaceId" = ${workspaceId} ORDER BY "at" DESC, "id" DESC LIMIT 1)
    AS "audit",
         (SELECT count(*)::text || ':' || coalesce(sum("processedRows"), 0)::text FROM "Import" WHERE "workspaceId" =
           ${workspaceId}) AS "imports"`;
