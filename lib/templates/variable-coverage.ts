import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { runSegmentQuery } from "@/lib/segments/run-query";
import { savedAudienceSql } from "@/lib/segments/saved-audience";
import type { Coverage } from "./finding";
import { coverageSql } from "./sql";

export type AudienceTarget = { segmentId?: string; personaId?: string };

/** The audience subquery of a segment or of a persona's bound segment; null (everyone) without a target. */
export async function targetAudience(
  workspaceId: string,
  target: AudienceTarget = {},
): Promise<{ segmentId: string | null; audience: Prisma.Sql | null }> {
  let segmentId = target.segmentId ?? null;
  if (target.personaId) {
    const persona = await db.persona.findUnique({
      where: { workspaceId_id: { workspaceId, id: target.personaId } },
      select: { segmentId: true, name: true },
    });
    if (!persona) throw new AppError(404, "not_found", "That persona was not found.", "personaId");
    if (!persona.segmentId)
      throw new AppError(
        400,
        "persona_unbound",
        `"${persona.name}" has no segment bound, so it has no audience yet.`,
        "personaId",
      );
    segmentId = persona.segmentId;
  }
  if (!segmentId) return { segmentId: null, audience: null };
  const exists = await db.segment.findUnique({
    where: { workspaceId_id: { workspaceId, id: segmentId } },
    select: { id: true },
  });
  if (!exists) throw new AppError(404, "not_found", "That segment was not found.", "segmentId");
  return { segmentId, audience: await savedAudienceSql(workspaceId, segmentId) };
}

/**
 * For each catalog key (`traits.first_name`, `email`), how many of the target audience — a
 * segment's or a persona's profiles, or all profiles — have a value. One statement for all keys.
 */
export async function variableCoverage(
  workspaceId: string,
  keys: readonly string[],
  target: AudienceTarget = {},
): Promise<Map<string, Coverage>> {
  const result = new Map<string, Coverage>();
  // Resolved even with no keys to count, so a wrong segment or persona is refused whatever the copy.
  const { audience } = await targetAudience(workspaceId, target);
  if (keys.length === 0) return result;
  const [row] = await runSegmentQuery<Record<string, number>[]>(coverageSql(workspaceId, keys, audience));
  const total = row?.total ?? 0;
  keys.forEach((key, i) => {
    const withValue = row?.[`k${i}`] ?? 0;
    result.set(key, {
      key,
      withValue,
      total,
      share: total === 0 ? null : withValue / total,
      of: audience ? "audience" : "all",
    });
  });
  return result;
}
