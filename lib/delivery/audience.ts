import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/errors";
import { savedAudienceSql } from "@/lib/segments";
import type { CampaignAudience } from "./schema";

/**
 * The statement listing a campaign audience's profile ids (column "id") as of `now`: a saved
 * segment, a persona's bound segment, or every profile of the workspace.
 */
export async function campaignAudienceSql(workspaceId: string, audience: CampaignAudience, now = new Date()): Promise<Prisma.Sql> {
  if (audience.kind === "all") return Prisma.sql`SELECT p."id" FROM "Profile" p WHERE p."workspaceId" = ${workspaceId}`;
  if (audience.kind === "segment") {
    const segment = await db.segment.findUnique({ where: { workspaceId_id: { workspaceId, id: audience.id } }, select: { id: true } });
    if (!segment) throw new AppError(422, "invalid_audience", "That segment does not exist (any more).", "audience.id");
    return savedAudienceSql(workspaceId, segment.id, { now });
  }
  const persona = await db.persona.findUnique({ where: { workspaceId_id: { workspaceId, id: audience.id } }, select: { segmentId: true, name: true } });
  if (!persona) throw new AppError(422, "invalid_audience", "That persona does not exist (any more).", "audience.id");
  if (!persona.segmentId) throw new AppError(422, "invalid_audience", `${persona.name} has no audience yet: bind a segment to the persona first.`, "audience.id");
  return savedAudienceSql(workspaceId, persona.segmentId, { now });
}

/** A readable name of the audience for lists and summaries. */
export async function audienceLabel(workspaceId: string, audience: CampaignAudience): Promise<string> {
  if (audience.kind === "all") return "Everyone";
  if (audience.kind === "segment") return (await db.segment.findUnique({ where: { workspaceId_id: { workspaceId, id: audience.id } }, select: { name: true } }))?.name ?? "A deleted segment";
  return (await db.persona.findUnique({ where: { workspaceId_id: { workspaceId, id: audience.id } }, select: { name: true } }))?.name ?? "A deleted persona";
}
