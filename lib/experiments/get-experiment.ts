import { z } from "zod";
import { db } from "@/lib/db/client";
import {
  campaignAudienceSchema,
  campaignScheduleSchema,
  type CampaignAudience,
  type CampaignSchedule,
} from "@/lib/delivery/schema";
import { notFound } from "@/lib/http/errors";
import { launchRecordSchema, type LaunchRecord } from "./launch-estimate";
import {
  experimentStatsSchema,
  guardrailSchema,
  metricSchema,
  sendOptionSchema,
  type ExperimentDraft,
  type ExperimentStats,
  type ExperimentStatus,
  type Guardrail,
  type Metric,
  type SendOption,
} from "./schema";

export type ExperimentVariant = {
  key: string;
  name: string;
  weight: number;
  position: number;
  versionId: string | null;
  sendOption: SendOption | null;
  templateId: string | null;
  templateName: string | null;
  version: number | null;
};

export type ExperimentDetail = {
  id: string;
  name: string;
  hypothesis: string;
  status: ExperimentStatus;
  salt: string;
  holdoutShare: number;
  primaryMetric: Metric;
  secondaryMetrics: Metric[];
  guardrails: Guardrail[];
  stats: ExperimentStats;
  plannedSampleSize: number | null;
  decision: string | null;
  decisionNote: string | null;
  shippedVariantKey: string | null;
  concludedByEmail: string | null;
  concludedAt: string | null;
  /** The decision rule's sentence at the conclusion, and the analyst's reason when the conclusion overrode it. */
  ruleDecision: string | null;
  overrideReason: string | null;
  /** What launching was expected to reach; null before launch (and for experiments launched before it was kept). */
  launchEstimate: LaunchRecord | null;
  ownerEmail: string;
  createdAt: string;
  startedAt: string | null;
  variants: ExperimentVariant[];
  campaign: {
    id: string;
    name: string;
    status: string;
    channel: string;
    audience: CampaignAudience;
    schedule: CampaignSchedule;
    templateId: string | null;
    versionId: string | null;
  } | null;
};

/** One experiment with its variants (and their template versions) and its campaign; 404 when missing. */
export async function getExperiment(workspaceId: string, experimentId: string): Promise<ExperimentDetail> {
  const e = await db.experiment.findUnique({
    where: { workspaceId_id: { workspaceId, id: experimentId } },
    include: { variants: { orderBy: { position: "asc" } } },
  });
  if (!e) throw notFound("The experiment");
  const [campaign, versions] = await Promise.all([
    db.campaign.findUnique({
      where: { experimentId },
      select: {
        id: true,
        workspaceId: true,
        name: true,
        status: true,
        channel: true,
        audience: true,
        schedule: true,
        templateId: true,
        versionId: true,
      },
    }),
    db.templateVersion.findMany({
      where: { workspaceId, id: { in: e.variants.flatMap((v) => (v.versionId ? [v.versionId] : [])) } },
      select: { id: true, version: true, templateId: true, template: { select: { name: true } } },
    }),
  ]);
  const versionOf = new Map(versions.map((v) => [v.id, v]));
  return {
    id: e.id,
    name: e.name,
    hypothesis: e.hypothesis,
    status: e.status as ExperimentStatus,
    salt: e.salt,
    holdoutShare: e.holdoutShare,
    primaryMetric: metricSchema.parse(e.primaryMetric),
    secondaryMetrics: z.array(metricSchema).parse(e.secondaryMetrics),
    guardrails: z.array(guardrailSchema).parse(e.guardrails),
    stats: experimentStatsSchema.parse(e.stats),
    plannedSampleSize: e.plannedSampleSize,
    decision: e.decision,
    decisionNote: e.decisionNote,
    shippedVariantKey: e.shippedVariantKey,
    concludedByEmail: e.concludedByEmail,
    concludedAt: e.concludedAt?.toISOString() ?? null,
    ruleDecision: e.ruleDecision,
    overrideReason: e.overrideReason,
    launchEstimate: launchRecordSchema.safeParse(e.launchEstimate).data ?? null,
    ownerEmail: e.ownerEmail,
    createdAt: e.createdAt.toISOString(),
    startedAt: e.startedAt?.toISOString() ?? null,
    variants: e.variants.map((v) => {
      const version = v.versionId ? versionOf.get(v.versionId) : undefined;
      return {
        key: v.key,
        name: v.name,
        weight: v.weight,
        position: v.position,
        versionId: v.versionId,
        sendOption: v.sendOption === null ? null : sendOptionSchema.parse(v.sendOption),
        templateId: version?.templateId ?? null,
        templateName: version?.template.name ?? null,
        version: version?.version ?? null,
      };
    }),
    campaign:
      campaign && campaign.workspaceId === workspaceId
        ? {
            id: campaign.id,
            name: campaign.name,
            status: campaign.status,
            channel: campaign.channel,
            audience: campaignAudienceSchema.parse(campaign.audience),
            schedule: campaignScheduleSchema.parse(campaign.schedule),
            templateId: campaign.templateId,
            versionId: campaign.versionId,
          }
        : null,
  };
}

/** The editor's starting point for a draft: the experiment as its input. */
export function draftOf(e: ExperimentDetail): ExperimentDraft {
  return {
    name: e.name,
    hypothesis: e.hypothesis,
    channel: (e.campaign?.channel ?? "email") as ExperimentDraft["channel"],
    audience: e.campaign?.audience ?? { kind: "all" },
    schedule: e.campaign?.schedule ?? { kind: "now" },
    // A send-option variant stored the control's version: show it as "same template".
    variants: e.variants.map((v, i) => ({
      name: v.name,
      weight: v.weight,
      versionId: i > 0 && v.sendOption && v.versionId === e.variants[0]?.versionId ? null : v.versionId,
      sendOption: v.sendOption,
    })),
    holdoutShare: e.holdoutShare,
    primaryMetric: e.primaryMetric,
    secondaryMetrics: e.secondaryMetrics,
    guardrails: e.guardrails,
    stats: e.stats,
    plannedSampleSize: e.plannedSampleSize,
  };
}
