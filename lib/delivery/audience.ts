import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { savedAudienceSql } from "@/lib/segments/saved-audience";
import type { CampaignAudience } from "./schema";
import { everyoneSql } from "@/lib/delivery/sql/campaigns";

/**
 * The statement listing a campaign audience's profile ids (column "id") as of `now`: a saved
 * segment, a persona's bound segment, or every profile of the workspace.
 */
export async function campaignAudienceSql(
  workspaceId: string,
  audience: CampaignAudience,
  now = new Date(),
): Promise<Prisma.Sql> {
  if (audience.kind === "all") return everyoneSql(workspaceId);
  if (audience.kind === "segment") {
    const segment = await db.segment.findUnique({
      where: { workspaceId_id: { workspaceId, id: audience.id } },
      select: { id: true },
    });
    if (!segment) throw new AppError(422, "invalid_audience", "That segment does not exist (any more).", "audience.id");
    return savedAudienceSql(workspaceId, segment.id, { now });
  }
  const persona = await db.persona.findUnique({
    where: { workspaceId_id: { workspaceId, id: audience.id } },
    select: { segmentId: true, name: true },
  });
  if (!persona) throw new AppError(422, "invalid_audience", "That persona does not exist (any more).", "audience.id");
  if (!persona.segmentId)
    throw new AppError(
      422,
      "invalid_audience",
      `${persona.name} has no audience yet: bind a segment to the persona first.`,
      "audience.id",
    );
  return savedAudienceSql(workspaceId, persona.segmentId, { now });
}

type AudienceRef = { kind?: string; id?: string };

/**
 * The names of campaign audiences, in order, with one query per kind however many there are: the
 * segment's or persona's name, null once it was deleted, and null for everyone (kind "all").
 */
export async function audienceNames(
  workspaceId: string,
  audiences: readonly AudienceRef[],
): Promise<(string | null)[]> {
  const ids = (kind: string) => [...new Set(audiences.flatMap((a) => (a.kind === kind && a.id ? [a.id] : [])))];
  const [segments, personas] = await Promise.all([
    ids("segment").length
      ? db.segment.findMany({ where: { workspaceId, id: { in: ids("segment") } }, select: { id: true, name: true } })
      : [],
    ids("persona").length
      ? db.persona.findMany({ where: { workspaceId, id: { in: ids("persona") } }, select: { id: true, name: true } })
      : [],
  ]);
  const names = {
    segment: new Map(segments.map((s) => [s.id, s.name])),
    persona: new Map(personas.map((p) => [p.id, p.name])),
  };
  return audiences.map((a) =>
    a.kind === "segment" || a.kind === "persona" ? (names[a.kind].get(a.id ?? "") ?? null) : null,
  );
}

/** A readable name of each audience for lists and summaries. */
export async function audienceLabels(workspaceId: string, audiences: readonly CampaignAudience[]): Promise<string[]> {
  const names = await audienceNames(workspaceId, audiences);
  return audiences.map((a, i) =>
    a.kind === "all" ? "Everyone" : (names[i] ?? (a.kind === "segment" ? "A deleted segment" : "A deleted persona")),
  );
}
