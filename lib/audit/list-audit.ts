import { db } from "@/lib/db/client";
import type { AuditFilter } from "./schema";

const DAY_MS = 86_400_000;

export type AuditRow = {
  id: string;
  at: string;
  actorId: string | null;
  actorEmail: string;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string | null;
  before: unknown;
  after: unknown;
};

/** A readable name for the entity from its snapshot: what a person recognises, not an id. */
function entityLabel(snapshot: unknown): string | null {
  if (!snapshot || typeof snapshot !== "object") return null;
  const { email, name } = snapshot as { email?: unknown; name?: unknown };
  return typeof email === "string" ? email : typeof name === "string" ? name : null;
}

/** Newest first; `nextCursor` is set when older rows remain. */
export async function listAudit(
  workspaceId: string,
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; nextCursor: string | null }> {
  const at: { gte?: Date; lt?: Date } = {};
  if (filter.from) at.gte = new Date(`${filter.from}T00:00:00Z`);
  if (filter.to) at.lt = new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + DAY_MS);
  const rows = await db.auditLog.findMany({
    where: {
      workspaceId,
      ...(filter.entityType ? { entityType: filter.entityType } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.from || filter.to ? { at } : {}),
      ...(filter.before ? { id: { lt: filter.before } } : {}),
    },
    orderBy: { id: "desc" },
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  return {
    rows: page.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      actorId: row.actorId,
      actorEmail: row.actorEmail,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      entityLabel: entityLabel(row.after) ?? entityLabel(row.before),
      before: row.before,
      after: row.after,
    })),
    nextCursor: rows.length > filter.limit ? page.at(-1)!.id.toString() : null,
  };
}

/** The values the filters can take in this workspace: entity types and actors seen in the log. */
export async function listAuditFacets(workspaceId: string) {
  const [entityTypes, actors] = await Promise.all([
    db.auditLog.findMany({
      where: { workspaceId },
      distinct: ["entityType"],
      select: { entityType: true },
      orderBy: { entityType: "asc" },
    }),
    db.auditLog.findMany({
      where: { workspaceId },
      distinct: ["actorId"],
      select: { actorId: true, actorEmail: true },
      orderBy: { actorId: "asc" },
    }),
  ]);
  return {
    entityTypes: entityTypes.map((row) => row.entityType),
    actors: actors.filter((row) => row.actorId).map((row) => ({ id: row.actorId!, email: row.actorEmail })),
  };
}
