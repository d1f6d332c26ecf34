import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import type { CampaignInput } from "./schema";

/**
 * The checks a campaign's references must pass before it is written: the template exists and is
 * for the campaign's channel, the experiment exists. (That a published version exists is checked
 * at launch: a draft campaign may wait for its template.)
 */
export async function checkReferences(workspaceId: string, input: CampaignInput): Promise<void> {
  if (input.templateId) {
    const template = await db.template.findUnique({ where: { workspaceId_id: { workspaceId, id: input.templateId } }, select: { channel: true, name: true } });
    if (!template) throw new AppError(422, "invalid_template", "That template does not exist.", "templateId");
    if (template.channel !== input.channel) throw new AppError(422, "channel_mismatch", `“${template.name}” is a ${template.channel} template; this campaign sends ${input.channel}.`, "templateId");
  }
  if (input.experimentId) {
    const experiment = await db.experiment.findUnique({ where: { workspaceId_id: { workspaceId, id: input.experimentId } }, select: { id: true } });
    if (!experiment) throw new AppError(422, "invalid_experiment", "That experiment does not exist.", "experimentId");
  }
  if (input.audience.kind === "segment" && !(await db.segment.findUnique({ where: { workspaceId_id: { workspaceId, id: input.audience.id } }, select: { id: true } }))) {
    throw new AppError(422, "invalid_audience", "That segment does not exist.", "audience.id");
  }
  if (input.audience.kind === "persona" && !(await db.persona.findUnique({ where: { workspaceId_id: { workspaceId, id: input.audience.id } }, select: { id: true } }))) {
    throw new AppError(422, "invalid_audience", "That persona does not exist.", "audience.id");
  }
}

/** Statuses in which the definition may still change. */
export const EDITABLE_STATUSES = new Set(["draft", "paused"]);
