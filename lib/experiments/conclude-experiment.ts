import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError, conflict, notFound } from "@/lib/http/errors";
import { overrideNeeded } from "./conclusion-guard";
import { getReadout } from "./get-readout";
import type { ConcludeExperimentInput } from "./schema";

function refuseIfNotRunning(experiment: { status: string; concludedByEmail: string | null }) {
  if (experiment.status === "concluded")
    throw conflict(`This experiment was already concluded by ${experiment.concludedByEmail ?? "someone"}.`);
  if (experiment.status === "draft")
    throw conflict("Launch the experiment before concluding it: a draft has no results.");
}

/**
 * An analyst's sign-off: the decision and a note, audited. "ship" names a variant, and its
 * template version becomes what the experiment's campaign sends from now on. Shipping what the
 * decision rule does not back (conclusion-guard.ts) is refused without a written override reason
 * (400 naming overrideReason, nothing written); the reason and the rule's sentence are kept on the
 * experiment and in the audit entry.
 */
export async function concludeExperiment(actor: Actor, experimentId: string, input: ConcludeExperimentInput) {
  const where = { workspaceId_id: { workspaceId: actor.workspaceId, id: experimentId } };
  const current = await db.experiment.findUnique({ where, select: { status: true, concludedByEmail: true } });
  if (!current) throw notFound("The experiment");
  refuseIfNotRunning(current);
  // The rule as it reads now, not as the page showed it: data may have arrived since.
  const readout = await getReadout(actor.workspaceId, experimentId, { breakdowns: false });
  const variants = readout.experiment.variants;
  const shipped = input.decision === "ship" ? variants.find((v) => v.key === input.shipVariantKey) : undefined;
  if (input.decision === "ship" && !shipped)
    throw new AppError(
      400,
      "invalid_input",
      `There is no variant ${input.shipVariantKey} in this experiment.`,
      "shipVariantKey",
    );
  const override = overrideNeeded(readout.decision, input, variants[0]!.key);
  if (override && !input.overrideReason)
    throw new AppError(400, "override_required", `${override} Write why you override it.`, "overrideReason");
  const ruleDecision = readout.decision.sentence;
  const overrideReason = override ? input.overrideReason : null;

  return db.$transaction(async (tx) => {
    const experiment = await tx.experiment.findUnique({ where, select: { status: true, concludedByEmail: true } });
    if (!experiment) throw notFound("The experiment");
    refuseIfNotRunning(experiment);
    const concludedAt = new Date();
    await tx.experiment.update({
      where,
      data: {
        status: "concluded",
        decision: input.decision,
        decisionNote: input.note,
        shippedVariantKey: shipped?.key ?? null,
        ruleDecision,
        overrideReason,
        concludedById: actor.userId,
        concludedByEmail: actor.email,
        concludedAt,
      },
    });
    let shippedVersion: { templateId: string; versionId: string } | null = null;
    if (shipped?.versionId) {
      const version = await tx.templateVersion.findUnique({
        where: { workspaceId_id: { workspaceId: actor.workspaceId, id: shipped.versionId } },
        select: { templateId: true },
      });
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
      after: {
        status: "concluded",
        decision: input.decision,
        note: input.note,
        shippedVariantKey: shipped?.key ?? null,
        shippedVersion,
        ruleDecision,
        overrideReason,
      },
    });
    return {
      id: experimentId,
      decision: input.decision,
      shippedVariantKey: shipped?.key ?? null,
      shippedVersion,
      ruleDecision,
      overrideReason,
      concludedAt: concludedAt.toISOString(),
    };
  });
}
