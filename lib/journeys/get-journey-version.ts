import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { journeyVersionNumberSchema, type JourneyVersionDetail } from "./api-schema";
import { journeyNotFound } from "./journey-not-found";
import type { JourneyDefinition } from "./schema";

/** `version` as a route or query gives it: a 400 naming `version` unless it is a whole number ≥ 1. */
export function parseJourneyVersion(raw: string): number {
  const parsed = journeyVersionNumberSchema.safeParse(raw);
  if (!parsed.success) throw new AppError(400, "invalid_input", parsed.error.issues[0]!.message, "version");
  return parsed.data;
}

/** One published version of a journey with its definition (as published, never changed since). */
export async function getJourneyVersion(
  workspaceId: string,
  journeyId: string,
  version: number,
): Promise<JourneyVersionDetail> {
  const journey = await db.journey.findUnique({
    where: { workspaceId_id: { workspaceId, id: journeyId } },
    select: { currentVersionId: true },
  });
  if (!journey) throw journeyNotFound();
  const found = await db.journeyVersion.findUnique({
    where: { workspaceId_journeyId_version: { workspaceId, journeyId, version } },
    select: { id: true, version: true, definition: true, publishedAt: true, publishedBy: true },
  });
  if (!found) throw new AppError(404, "not_found", `This journey has no version ${version}.`, "version");
  return {
    journeyId,
    version: found.version,
    publishedAt: found.publishedAt.toISOString(),
    publishedBy: found.publishedBy,
    current: found.id === journey.currentVersionId,
    // Written only after journeyDefinitionSchema and validateJourney passed it (publishJourney).
    definition: found.definition as JourneyDefinition,
  };
}
