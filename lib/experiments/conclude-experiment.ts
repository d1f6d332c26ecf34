import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError, conflict, notFound } from "@/lib/http/errors";
import type { ConcludeExperimentInput } from "./schema";

/**
 * An analyst's sign-off: the decision and a note, audited. "ship" names a variant, and its
 * template version becomes what the experiment's campaign sends from now on.
 */
export async function concludeExperiment(actor: Actor, experimentId: string, input: ConcludeExperimentInput) {
  return db.$transaction(async (tx) => {
    const where = { workspaceId_id: { workspaceId: actor.workspaceId, id: experimentId } };
    const experiment = await tx.experiment.findUnique({ where, include: { variants: true } });
    if (!experiment) throw notFound("The experiment");
    if (experiment.status === "concluded") throw conflict(`This experiment was already concluded by ${experiment.concludedByEmail ?? "someone"}.`);
    if (experiment.status === "draft") throw conflict("Launch the experiment before concluding it: a draft has no results.");
    const shipped = input.decision === "ship" ? experiment.variants.find((v) => v.key === input.shipVariantKey) : undefined;
    if (input.decision === "ship" && !shipped) throw new AppError(400, "invalid_input", `There is no variant ${input.shipVariantKey} in this experiment.`, "shipVariantKey");
    const concludedAt = new Date();
    await tx.experiment.update({
      where,
      data: { status: "concluded", decision: input.decision, decisionNote: input.note, shippedVariantKey: shipped?.key ?? null, concludedById: actor.userId, concludedByEmail: actor.email, concludedAt },
    });
    let shippedVersion: { templateId: string; versionId: string } | null = null;
    if (shipped?.versionId) {
      const version = await tx.templateVersion.findUnique({ where: { workspaceId_id: { workspaceId: actor.workspaceId, id: shipped.versionId } }, select: { templateId: true } });
      if (version) {
        shippedVersion = { templateId: version.templateId, versionId: shipped.versionId };
        await tx.campaign.updateMany({ where: { workspaceId: actor.workspaceId, experimentId }, data: shippedVersion });
      }
    }
    await recordAudit(tx, actor, {
      action: "experiment.concluded",
      entityType: "experiment",
      entityId: experimentId,
      before: { status: experiment.status },
      after: { status: "concluded", decision: input.decision, note: input.note, shippedVariantKey: shipped?.key ?? null, shippedVersion },
    });
    return { id: experimentId, decision: input.decision, shippedVariantKey: shipped?.key ?? null, shippedVersion, concludedAt: concludedAt.toISOString() };
  });
}
