import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import { publishJourney } from "./engine/publish-journey";
import { journeyNotFound } from "./journey-not-found";

/**
 * Publishes `definition`, or the saved draft when it is left out: the builder saves as it goes, so
 * "Publish" means what was saved. publishJourney checks it again (422 naming `nodes.<i>.…`).
 */
export async function publishJourneyDraft(actor: Actor, journeyId: string, definition: unknown) {
  if (definition !== undefined) return publishJourney(actor, journeyId, definition);
  const journey = await db.journey.findUnique({
    where: { workspaceId_id: { workspaceId: actor.workspaceId, id: journeyId } },
    select: { draft: true },
  });
  if (!journey) throw journeyNotFound();
  if (journey.draft === null)
    throw new AppError(409, "no_draft", "Save a draft first, or send the definition to publish.", "definition");
  return publishJourney(actor, journeyId, journey.draft);
}
