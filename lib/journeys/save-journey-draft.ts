import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { asJsonInput } from "@/lib/db/json-object";
import { conflict } from "@/lib/http/errors";
import type { SavedJourneyDraft } from "./api-schema";
import { publishedTemplates } from "./engine/published-templates";
import { journeyNotFound } from "./journey-not-found";
import type { JourneyDefinition } from "./schema";
import { validateJourney } from "./validate-journey";

/**
 * Saves the builder's draft — already parsed by journeyDefinitionSchema, so each step's own fields
 * are sound — and answers with what would still stop it being published (validateJourney, with the
 * workspace's published templates), for the builder to show per step. Not audited, like a
 * template's draft: the builder saves as it goes; publishing is the audited change.
 */
export async function saveJourneyDraft(
  actor: Actor,
  journeyId: string,
  definition: JourneyDefinition,
): Promise<SavedJourneyDraft> {
  const { workspaceId } = actor;
  return db.$transaction(async (tx) => {
    const journey = await tx.journey.findUnique({
      where: { workspaceId_id: { workspaceId, id: journeyId } },
      select: { status: true },
    });
    if (!journey) throw journeyNotFound();
    if (journey.status === "archived") throw conflict("This journey is archived: its draft cannot change.", "status");
    const { updatedAt } = await tx.journey.update({
      where: { workspaceId_id: { workspaceId, id: journeyId } },
      data: { draft: asJsonInput(definition) },
      select: { updatedAt: true },
    });
    const published = await publishedTemplates(tx, workspaceId);
    const issues = validateJourney(definition, { publishedTemplateIds: [...published.keys()] });
    return { draft: definition, issues, savedAt: updatedAt.toISOString() };
  });
}
