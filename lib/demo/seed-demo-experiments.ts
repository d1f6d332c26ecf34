import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { DEMO_CAMPAIGNS } from "@/lib/demo/population/campaigns";
import {
  HOLDOUT,
  variantKey,
  type ExperimentStats,
  type Guardrail,
  type Metric,
  type SendOption,
} from "@/lib/experiments/schema";
import { readoutEventNames } from "@/lib/experiments/metric-measures";
import { rebuildReadoutStatistics } from "@/lib/experiments/readout-statistics";
import { exposuresFromEventsSql } from "@/lib/experiments/sql";
import { asJsonInput } from "@/lib/db/json-object";

type DemoExperiment = {
  campaignId: string;
  name: string;
  hypothesis: string;
  // The template whose published version the control (and send-option variants) send.
  template: string;
  variants: { name: string; sendOption?: SendOption; ownVersion: boolean }[];
  plannedSampleSize: number;
};

const DEMO_EXPERIMENTS: DemoExperiment[] = [
  {
    campaignId: "demo-subject-test",
    name: "Subject line: offer first vs. story first",
    hypothesis:
      "Putting the discount in the subject line makes more recipients buy within three days than " +
      "the story-led subject, without more unsubscribes.",
    template: "Autumn sale",
    // B's copy lived only in that send (it was never a template version of its own).
    variants: [
      { name: "Story-led subject (control)", ownVersion: true },
      { name: "Offer in the subject", ownVersion: false },
    ],
    plannedSampleSize: 1500,
  },
  {
    campaignId: "demo-push-timing-test",
    name: "Push send time: at once vs. 3 hours later",
    hypothesis: "A push that lands in the evening (3 hours later) converts better than one sent at once.",
    template: "New arrivals",
    variants: [
      { name: "Send at once (control)", ownVersion: true },
      { name: "3 hours later", sendOption: { sendDelayHours: 3 }, ownVersion: true },
    ],
    plannedSampleSize: 1200,
  },
];

const PRIMARY: Metric = { kind: "conversion", event: "purchase", windowHours: 72 };
const SECONDARY: Metric[] = [{ kind: "revenue_per_recipient", event: "purchase", windowHours: 72 }];
const GUARDRAILS: Guardrail[] = [{ kind: "unsubscribe_rate", threshold: null }];
const STATS: ExperimentStats = { method: "frequentist", alpha: 0.05, correction: "holm", sequentialTuning: 5000 };

/**
 * The demo history's A/B tests as experiments: Experiment and Variant rows, Exposure rows built from
 * their experiment_exposure events, and each campaign linked. One reads as a finished test awaiting
 * an analyst's conclusion; the push send-time test has a planted sample-ratio mismatch. Only into a
 * workspace without experiments; returns how many it wrote.
 */
export async function seedDemoExperiments(workspaceId: string): Promise<number> {
  if ((await db.experiment.count({ where: { workspaceId } })) > 0) return 0;
  const owner = await db.member.findFirst({ where: { workspaceId, role: "marketer" }, include: { user: true } });
  let written = 0;
  for (const demo of DEMO_EXPERIMENTS) {
    const history = DEMO_CAMPAIGNS.find((c) => c.id === demo.campaignId);
    const campaign = await db.campaign.findUnique({ where: { workspaceId_id: { workspaceId, id: demo.campaignId } } });
    if (!history?.variants || !campaign) continue;
    const template = await db.template.findFirst({
      where: { workspaceId, name: demo.template },
      select: { id: true, versions: { where: { status: "published" }, select: { id: true }, take: 1 } },
    });
    const versionId = template?.versions[0]?.id ?? null;
    const arms = history.variants.filter((v) => v.id !== HOLDOUT);
    const holdoutShare = history.variants.find((v) => v.id === HOLDOUT)?.weight ?? 0;
    const treated = arms.reduce((s, v) => s + v.weight, 0);
    const startedAt = campaign.launchedAt ?? campaign.createdAt;
    const experimentId = await db.$transaction(
      async (tx) => {
        const experiment = await tx.experiment.create({
          data: {
            workspaceId,
            name: demo.name,
            hypothesis: demo.hypothesis,
            status: "running",
            salt: randomUUID(),
            holdoutShare,
            primaryMetric: asJsonInput(PRIMARY),
            secondaryMetrics: asJsonInput(SECONDARY),
            guardrails: asJsonInput(GUARDRAILS),
            readoutEvents: readoutEventNames({
              primaryMetric: PRIMARY,
              secondaryMetrics: SECONDARY,
              guardrails: GUARDRAILS,
            }),
            stats: asJsonInput(STATS),
            plannedSampleSize: demo.plannedSampleSize,
            ownerId: owner?.userId ?? null,
            ownerEmail: owner?.user.email ?? "demo",
            createdAt: new Date(startedAt.getTime() - 2 * 86_400_000),
            startedAt,
          },
        });
        await tx.variant.createMany({
          data: arms.map((v, position) => ({
            workspaceId,
            experimentId: experiment.id,
            key: variantKey(position),
            name: demo.variants[position]?.name ?? v.id,
            weight: v.weight / treated,
            position,
            versionId: demo.variants[position]?.ownVersion ? versionId : null,
            sendOption: demo.variants[position]?.sendOption
              ? asJsonInput(demo.variants[position].sendOption)
              : undefined,
          })),
        });
        await tx.$executeRaw(exposuresFromEventsSql(workspaceId, experiment.id, demo.campaignId));
        await tx.campaign.update({
          where: { workspaceId_id: { workspaceId, id: demo.campaignId } },
          data: { experimentId: experiment.id, templateId: template?.id ?? null, versionId },
        });
        return experiment.id;
        // Exposures come from the campaign's events: at 1M profiles that takes far longer than Prisma's 5 s default.
      },
      { timeout: 600_000 },
    );
    // The readout's day statistics, built once from the exposures (the history's events are all in).
    await rebuildReadoutStatistics(workspaceId, experimentId);
    written++;
  }
  return written;
}
