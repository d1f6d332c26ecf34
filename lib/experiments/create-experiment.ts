import { checkAudience } from "@/lib/delivery/campaign-rules";
import { campaignColumns } from "@/lib/delivery/create-campaign";
import { randomUUID } from "node:crypto";
import { readoutEventNames } from "./metric-measures";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db/client";
import { campaignInputSchema } from "@/lib/delivery/schema";
import { asJsonInput } from "@/lib/db/json-object";
import type { ExperimentInput } from "./schema";
import { resolveVariants, type ResolvedVariant } from "./validate-variants";

/** The Campaign fields an experiment decides: it targets its audience and channel through it. */
export function campaignFieldsOf(input: ExperimentInput, experimentId: string, variants: ResolvedVariant[]) {
  const metric = input.primaryMetric;
  return campaignInputSchema.parse({
    name: input.name,
    channel: input.channel,
    audience: input.audience,
    templateId: variants[0]!.templateId,
    experimentId,
    schedule: input.schedule,
    ...(metric.kind === "ctr" ? {} : { goalEvent: metric.event, attributionHours: metric.windowHours }),
  });
}

export const experimentColumns = (input: ExperimentInput) => ({
  name: input.name,
  hypothesis: input.hypothesis,
  holdoutShare: input.holdoutShare,
  primaryMetric: asJsonInput(input.primaryMetric),
  secondaryMetrics: asJsonInput(input.secondaryMetrics),
  guardrails: asJsonInput(input.guardrails),
  stats: asJsonInput(input.stats),
  plannedSampleSize: input.plannedSampleSize,
  // A changed definition means new measures: the readout's statistics are built again from the exposures.
  readoutEvents: readoutEventNames(input),
  readoutBuiltAt: null,
});

export async function writeVariants(tx: Tx, workspaceId: string, experimentId: string, variants: ResolvedVariant[]) {
  await tx.variant.deleteMany({ where: { workspaceId, experimentId } });
  await tx.variant.createMany({
    data: variants.map((v) => ({
      workspaceId,
      experimentId,
      key: v.key,
      name: v.name,
      weight: v.weight,
      position: v.position,
      versionId: v.versionId,
      sendOption: v.sendOption ? asJsonInput(v.sendOption) : undefined,
    })),
  });
}

/**
 * Creates a draft experiment, its variants and the draft Campaign that will send it (experimentId
 * set), in one transaction: a bad reference leaves nothing behind. A fresh salt fixes every
 * profile's arm for the life of the experiment.
 */
export async function createExperiment(actor: Actor, input: ExperimentInput) {
  await checkAudience(actor.workspaceId, input.audience);
  return db.$transaction(async (tx) => {
    const variants = await resolveVariants(tx, actor.workspaceId, input);
    const experiment = await tx.experiment.create({
      data: {
        workspaceId: actor.workspaceId,
        salt: randomUUID(),
        ...experimentColumns(input),
        ownerId: actor.userId,
        ownerEmail: actor.email,
      },
    });
    await writeVariants(tx, actor.workspaceId, experiment.id, variants);
    const campaign = campaignFieldsOf(input, experiment.id, variants);
    const created = await tx.campaign.create({
      data: {
        workspaceId: actor.workspaceId,
        ...campaignColumns(campaign),
        ownerId: actor.userId,
        ownerEmail: actor.email,
      },
    });
    await recordAudit(tx, actor, {
      action: "experiment.created",
      entityType: "experiment",
      entityId: experiment.id,
      after: asJsonInput({ ...input, campaignId: created.id }),
    });
    return { id: experiment.id, campaignId: created.id };
  });
}
