import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { asJsonInput } from "@/lib/db/json-object";
import { AppError, conflict } from "@/lib/http/errors";
import { journeyNotFound } from "../journey-not-found";
import { journeyDefinitionSchema } from "../schema";
import { validateJourney, type JourneyIssue } from "../validate-journey";
import { publishedTemplates } from "./published-templates";
import { createSendCampaigns } from "./send-campaigns";

/** A refusal naming every field at fault (the first in the message, all of them in `issues`). */
function invalid(issues: JourneyIssue[]): AppError {
  const first = issues[0]!;
  return new AppError(422, "journey_invalid", first.message, first.field, undefined, { issues });
}

/**
 * Publishes a definition as the journey's next version: the schema and validateJourney (with the
 * workspace's published, unarchived templates) must both pass. New entries start on it; entries
 * already in the journey stay on the version they entered (JourneyEntry.versionId). A draft
 * journey goes live; a paused one stays paused. Returns the new version.
 */
export async function publishJourney(actor: Actor, journeyId: string, input: unknown) {
  const { workspaceId } = actor;
  const parsed = journeyDefinitionSchema.safeParse(input);
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message })));
  const definition = parsed.data;
  const now = new Date();
  return db.$transaction(async (tx) => {
    const journey = await tx.journey.findUnique({ where: { workspaceId_id: { workspaceId, id: journeyId } } });
    if (!journey) throw journeyNotFound();
    if (journey.status === "archived") throw conflict("This journey is archived: it cannot be published.", "status");
    const published = await publishedTemplates(tx, workspaceId);
    const issues = validateJourney(definition, { publishedTemplateIds: [...published.keys()] });
    if (issues.length > 0) throw invalid(issues);
    const last = await tx.journeyVersion.findFirst({
      where: { workspaceId, journeyId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const number = (last?.version ?? 0) + 1;
    const sendCampaigns = await createSendCampaigns(tx, actor, journey, number, definition, published, now);
    const version = await tx.journeyVersion.create({
      data: {
        workspaceId,
        journeyId,
        version: number,
        definition: asJsonInput(definition),
        sendCampaigns,
        publishedAt: now,
        publishedById: actor.userId,
        publishedBy: actor.email,
      },
      select: { id: true },
    });
    const status = journey.status === "draft" ? "live" : journey.status;
    await tx.journey.update({
      where: { workspaceId_id: { workspaceId, id: journeyId } },
      data: { currentVersionId: version.id, status },
    });
    await recordAudit(tx, actor, {
      action: "journey.published",
      entityType: "journey",
      entityId: journeyId,
      after: { version: number, versionId: version.id, status },
    });
    return { id: journeyId, versionId: version.id, version: number, status };
  });
}
