import { checkAudience } from "@/lib/delivery/campaign-rules";
import { campaignColumns } from "@/lib/delivery/create-campaign";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { conflict, notFound } from "@/lib/http/errors";
import { asJsonInput } from "@/lib/db/json-object";
import { campaignFieldsOf, experimentColumns, writeVariants } from "./create-experiment";
import type { ExperimentInput } from "./schema";
import { resolveVariants } from "./validate-variants";

/**
 * Replaces a draft experiment's definition (and its campaign's audience, channel and schedule). Running ones are fixed.
 */
export async function updateExperiment(actor: Actor, experimentId: string, input: ExperimentInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.experiment.findUnique({
      where: { workspaceId_id: { workspaceId: actor.workspaceId, id: experimentId } },
      include: { variants: true },
    });
    if (!before) throw notFound("The experiment");
    if (before.status !== "draft")
      throw conflict("Only a draft experiment can be edited: this one is already " + before.status + ".");
    const current = await tx.campaign.findFirst({
      where: { workspaceId: actor.workspaceId, experimentId },
      select: { audience: true },
    });
    await checkAudience(actor.workspaceId, input.audience, current?.audience, tx);
    const variants = await resolveVariants(tx, actor.workspaceId, input);
    await tx.experiment.update({
      where: { workspaceId_id: { workspaceId: actor.workspaceId, id: experimentId } },
      data: experimentColumns(input),
    });
    await writeVariants(tx, actor.workspaceId, experimentId, variants);
    // The experiment owns what it defines; transactional and topic stay as the campaign has them.
    const {
      transactional: _transactional,
      topic: _topic,
      experimentId: _experimentId,
      ...defined
    } = campaignColumns(campaignFieldsOf(input, experimentId, variants));
    await tx.campaign.updateMany({ where: { workspaceId: actor.workspaceId, experimentId }, data: defined });
    await recordAudit(tx, actor, {
      action: "experiment.updated",
      entityType: "experiment",
      entityId: experimentId,
      before: asJsonInput({
        name: before.name,
        hypothesis: before.hypothesis,
        holdoutShare: before.holdoutShare,
        primaryMetric: before.primaryMetric,
        variants: before.variants.map((v) => ({ key: v.key, weight: v.weight, versionId: v.versionId })),
      }),
      after: asJsonInput(input),
    });
    return { id: experimentId };
  });
}
