import { db } from "@/lib/db/client";
import type { JourneyDetail } from "./api-schema";
import type { JourneyStatus } from "./entry-states";
import { journeyNotFound } from "./journey-not-found";
import type { JourneyDefinition } from "./schema";

/** A journey, archived or not, with its saved draft and its published versions (newest first). */
export async function getJourney(workspaceId: string, journeyId: string): Promise<JourneyDetail> {
  const journey = await db.journey.findUnique({
    where: { workspaceId_id: { workspaceId, id: journeyId } },
    include: {
      versions: {
        orderBy: { version: "desc" },
        select: { id: true, version: true, publishedAt: true, publishedBy: true },
      },
    },
  });
  if (!journey) throw journeyNotFound();
  return {
    id: journey.id,
    name: journey.name,
    status: journey.status as JourneyStatus,
    version: journey.versions.find((v) => v.id === journey.currentVersionId)?.version ?? null,
    // Stored only after journeyDefinitionSchema parsed it (saveJourneyDraft).
    draft: (journey.draft as JourneyDefinition | null) ?? null,
    createdBy: journey.createdBy,
    createdAt: journey.createdAt.toISOString(),
    updatedAt: journey.updatedAt.toISOString(),
    versions: journey.versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt.toISOString(),
      publishedBy: v.publishedBy,
    })),
  };
}
