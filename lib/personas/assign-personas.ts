import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { runSegmentQuery } from "@/lib/segments/run-query";
import { savedAudienceSql } from "@/lib/segments/saved-audience";
import { assignmentOfSql, assignmentSql } from "./sql";

/**
 * The persona breakdown dimension (docs/personas.md). Each profile maps to at most one persona:
 * the deepest persona whose segment it is in as of `at` (a sub-persona wins over its parent), ties
 * broken by the persona created first. Segments are evaluated with `now = at`, so time windows
 * ("purchased in the last 30 days") are as of that date; traits are their current values.
 * Returns a statement with columns ("profileId", "personaId") for reports and experiments to join,
 * or null when no persona is bound.
 */
export async function personaAssignmentSql(workspaceId: string, at: Date): Promise<Prisma.Sql | null> {
  const personas = await db.persona.findMany({
    where: { workspaceId, segmentId: { not: null } },
    select: { id: true, parentId: true, segmentId: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  if (personas.length === 0) return null;
  const parentOf = new Map(personas.map((p) => [p.id, p.parentId]));
  const depth = (id: string) => {
    let steps = 0;
    for (let at = parentOf.get(id); at && steps < personas.length; at = parentOf.get(at)) steps++;
    return steps;
  };
  const members = await Promise.all(
    personas.map(async (p, order) => ({
      personaId: p.id,
      depth: depth(p.id),
      order,
      audience: await savedAudienceSql(workspaceId, p.segmentId!, { now: at }),
    })),
  );
  return assignmentSql(members);
}

/** The persona (or null) of each given profile as of `at`; see personaAssignmentSql. */
export async function assignPersonas(
  workspaceId: string,
  at: Date,
  profileIds?: readonly string[],
): Promise<Map<string, string | null>> {
  const statement = await personaAssignmentSql(workspaceId, at);
  const rows = statement
    ? await runSegmentQuery<{ profileId: string; personaId: string }[]>(
        profileIds ? assignmentOfSql(statement, profileIds) : statement,
      )
    : [];
  const result = new Map<string, string | null>((profileIds ?? []).map((id) => [id, null]));
  for (const row of rows) result.set(row.profileId, row.personaId);
  return result;
}
