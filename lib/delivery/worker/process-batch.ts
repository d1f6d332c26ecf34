import { db } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-object";
import { assignPersonas } from "@/lib/personas/assign-personas";
import { CHANNEL_INFO, type Channel } from "@/lib/profiles/channels";
import { profileLiquidContext, type ProfileRow } from "@/lib/templates/profile-context";
import { pickLocale } from "@/lib/templates/preview-template";
import { resolveLocale } from "@/lib/templates/locale";
import { renderContent } from "@/lib/templates/render-content";
import { capWindowStart, recentSendsFor } from "@/lib/delivery/policy/recent-sends";
import { evaluatePolicy } from "@/lib/delivery/policy/evaluate-policy";
import { hasChannelAddress } from "@/lib/delivery/policy/has-address";
import { loadPolicy } from "@/lib/delivery/policy/load-policy";
import { providerFor } from "@/lib/delivery/providers/provider-for";
import { type OutgoingMessage, type Provider, type SendResult } from "@/lib/delivery/providers/provider";
import { trackingBaseUrl } from "@/lib/delivery/tracking/base-url";
import { trackLinks } from "@/lib/delivery/tracking/track-links";
import { unsubscribeUrl } from "@/lib/delivery/tracking/token";
import type { ClaimedMessage } from "./claim";
import type { SendExperiments } from "./experiment-port";
import { exitedTrigger } from "./exit-criteria";
import { missingWithoutDefault } from "./missing-values";
import { recordOutcomes, type Outcome } from "./record-outcomes";
import { loadCampaigns, profileOptionsFor, versionContent, type SendCampaign } from "./send-context";

const PROFILE_SELECT = {
  id: true,
  externalId: true,
  email: true,
  phone: true,
  locale: true,
  timezone: true,
  country: true,
  city: true,
  platform: true,
  traits: true,
  consent: true,
  subscriptions: true,
  ordersCount: true,
  ltv: true,
  aov: true,
  lastPurchaseAt: true,
  firstSeenAt: true,
  lastSeenAt: true,
  favouriteCategory: true,
  activeHour: true,
} as const;

type Profile = ProfileRow & { id: string; externalId: string | null; consent: unknown; subscriptions: unknown };

// How many provider calls are in flight at once per batch (providers without sendMany): enough to hide network latency.
const CONCURRENCY = Number(process.env.TAILOR_SEND_CONCURRENCY ?? 32);

/** The channel address a profile has (undefined when none): e-mail, phone, token, subscription, chat id. */
function addressOf(channel: string, profile: Profile): unknown {
  const info = CHANNEL_INFO[channel as Channel];
  // A webhook is addressed to the sender's system; the person is named by their id.
  if (!info) return profile.externalId ?? profile.id;
  if (!hasChannelAddress(profile, channel as Channel)) return undefined;
  const where = info.address;
  return "column" in where ? profile[where.column] : asRecord(profile.traits)[where.trait];
}

/**
 * Decides, renders and sends one claimed batch, then records every outcome (lib/delivery/worker/
 * record-outcomes.ts). Per message: policy (consent, topic, address, caps, quiet hours) → the
 * trigger's exit criteria → experiment arm (a holdout is exposed here, never sent) → render
 * (a missing variable skips with render_error) → tracked links → provider.
 */
export async function processBatch(
  batch: readonly ClaimedMessage[],
  leaseUntil: Date,
  experiments: SendExperiments,
  now = new Date(),
): Promise<Outcome[]> {
  if (batch.length === 0) return [];
  const keys = batch.map((m) => ({ workspaceId: m.workspaceId, campaignId: m.campaignId }));
  const campaigns = await loadCampaigns(keys, experiments);
  const outcomes: Outcome[] = [];
  const byWorkspace = new Map<string, ClaimedMessage[]>();
  for (const m of batch) byWorkspace.set(m.workspaceId, [...(byWorkspace.get(m.workspaceId) ?? []), m]);

  for (const [workspaceId, messages] of byWorkspace) {
    const policy = await loadPolicy(workspaceId);
    const profileIds = [...new Set(messages.map((m) => m.profileId))];
    const profiles = new Map(
      (await db.profile.findMany({ where: { workspaceId, id: { in: profileIds } }, select: PROFILE_SELECT })).map(
        (p) => [p.id, p as Profile],
      ),
    );
    const recent = await recentSendsFor(db, workspaceId, profileIds, capWindowStart(policy, now));
    const exited = await exitedTrigger(workspaceId, messages, campaigns);
    // Triggered messages are enqueued by ingest without a persona (too costly there): assign it now.
    const unassigned = messages.filter(
      (m) => m.personaId === null && campaigns.get(`${workspaceId}:${m.campaignId}`)?.schedule.kind === "trigger",
    );
    if (unassigned.length > 0) {
      const personaOf = await assignPersonas(workspaceId, now, [...new Set(unassigned.map((m) => m.profileId))]);
      for (const m of unassigned) m.personaId = personaOf.get(m.profileId) ?? null;
    }
    const ready: Ready[] = [];

    for (const message of messages) {
      const campaign = campaigns.get(`${workspaceId}:${message.campaignId}`);
      const profile = profiles.get(message.profileId);
      if (!campaign || !profile) {
        outcomes.push({
          message,
          kind: "cancelled",
          detail: campaign ? "The profile was deleted." : "The campaign was deleted.",
        });
        continue;
      }
      if (exited.has(message.id)) {
        outcomes.push({ message, kind: "skipped", reason: "exit_criteria", detail: exited.get(message.id)! });
        continue;
      }
      const to = addressOf(message.channel, profile);
      const decision = evaluatePolicy({
        policy,
        channel: message.channel,
        transactional: campaign.transactional,
        topic: campaign.topic,
        profile: {
          consent: asRecord(profile.consent),
          subscriptions: asRecord(profile.subscriptions),
          timezone: profile.timezone,
          hasAddress: to !== undefined,
        },
        recentSends: recent.get(profile.id) ?? [],
        now,
      });
      if (decision.action === "skip") {
        outcomes.push({ message, kind: "skipped", reason: decision.reason, detail: decision.detail });
        continue;
      }
      if (decision.action === "defer") {
        outcomes.push({
          message,
          kind: "deferred",
          until: decision.until,
          detail: "Quiet hours in the profile's local time.",
        });
        continue;
      }
      // Counted at once, so a second message to the same person in this batch meets the cap.
      recent.set(profile.id, [...(recent.get(profile.id) ?? []), { channel: message.channel, sentAt: now }]);
      const arm = campaign.arms ? experiments.armOf(campaign.arms, profile.id) : null;
      const variantKey = arm?.key ?? null;
      const delayHours = campaign.arms?.variants.find((v) => v.key === variantKey)?.sendDelayHours ?? 0;
      if (delayHours > 0 && message.variantId === null) {
        // A send-time variant: the same message, later. Deferred once; the arm is kept on the row.
        outcomes.push({
          message,
          kind: "deferred",
          until: new Date(now.getTime() + delayHours * 3_600_000),
          detail: `Send-time variant ${variantKey}: ${delayHours} h later.`,
          variantKey,
        });
        continue;
      }
      if (arm?.holdout) {
        outcomes.push({ message, kind: "withheld", variantKey, experimentId: campaign.arms!.experimentId });
        continue;
      }
      ready.push({ message, campaign, profile, to, variantKey });
    }

    const record = (chunk: Outcome[]) => recordOutcomes(chunk, leaseUntil, experiments, new Date());
    outcomes.push(...(await sendReady(workspaceId, ready, record)));
  }
  await recordOutcomes(outcomes, leaseUntil, experiments, now);
  return outcomes;
}

type Ready = {
  message: ClaimedMessage;
  campaign: SendCampaign;
  profile: Profile;
  to: unknown;
  variantKey: string | null;
};
type Prepared = {
  item: Ready;
  outgoing: OutgoingMessage;
  stored: Record<string, unknown>;
  versionId: string;
  locale: string;
};

/**
 * Renders each ready message, then hands them to their provider: whole batches where it takes
 * them (one statement in Tailor's database, recorded with the batch), else CONCURRENCY calls at a
 * time, each group recorded as soon as it is answered — so a worker killed mid-batch re-sends at
 * most the calls it had in flight (with the same Idempotency-Key), not the whole batch.
 * Returns the outcomes it did not record itself.
 */
async function sendReady(
  workspaceId: string,
  ready: readonly Ready[],
  record: (outcomes: Outcome[]) => Promise<void>,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const byProvider = new Map<Provider, Prepared[]>();
  for (const item of ready) {
    try {
      const prepared = await prepare(workspaceId, item);
      if ("kind" in prepared) {
        outcomes.push(prepared);
        continue;
      }
      const provider = await providerFor(workspaceId, item.message.channel);
      byProvider.set(provider, [...(byProvider.get(provider) ?? []), prepared]);
    } catch (error) {
      // A bug or an outage on the way (not a provider's answer): try again later.
      outcomes.push({
        message: item.message,
        kind: "retry",
        detail: (error as Error).message,
        variantKey: item.variantKey,
      });
    }
  }
  const outcomeOf = (
    provider: Provider,
    { item, stored, versionId, locale }: Prepared,
    result: SendResult,
  ): Outcome => {
    const base = {
      message: item.message,
      variantKey: item.variantKey,
      versionId,
      locale,
      rendered: stored,
      provider: provider.kind,
      experimentId: item.campaign.arms?.experimentId ?? null,
    };
    return result.ok
      ? { ...base, kind: "delivered", providerId: result.providerId }
      : { ...base, kind: result.transient ? "retry" : "failed", detail: result.error };
  };
  const failed = (error: Error): SendResult => ({ ok: false, transient: true, error: error.message });
  for (const [provider, list] of byProvider) {
    if (provider.sendMany) {
      const results = await provider
        .sendMany(list.map((p) => p.outgoing))
        .catch((error: Error) => list.map(() => failed(error)));
      list.forEach((p, i) => outcomes.push(outcomeOf(provider, p, results[i]!)));
      continue;
    }
    for (let from = 0; from < list.length; from += CONCURRENCY) {
      const chunk = list.slice(from, from + CONCURRENCY);
      const results = await Promise.all(chunk.map((p) => provider.send(p.outgoing).catch(failed)));
      await record(chunk.map((p, i) => outcomeOf(provider, p, results[i]!)));
    }
  }
  return outcomes;
}

/** One recipient's message, rendered with tracked links; or why it is not sent (render error, no version). */
async function prepare(workspaceId: string, item: Ready): Promise<Prepared | Outcome> {
  const { message, campaign, profile, to, variantKey } = item;
  const versionId = variantKey
    ? (campaign.arms!.variants.find((v) => v.key === variantKey)?.versionId ?? campaign.versionId)
    : campaign.versionId;
  if (!versionId)
    return { message, kind: "failed", detail: "The campaign has no published template version.", variantKey };
  const { content, templateId } = await versionContent(workspaceId, versionId);
  const profileOptions = await profileOptionsFor(workspaceId);
  const { locale } = pickLocale(content, profile.locale);
  const ref = { workspaceId, messageId: message.id };
  const baseUrl = trackingBaseUrl();
  const unsubscribe = unsubscribeUrl(ref, baseUrl);
  const context = {
    profile: profileLiquidContext(profile, profileOptions),
    unsubscribe_url: unsubscribe,
    ...(campaign.triggerEvent ? { event: asRecord(message.context?.properties) } : {}),
  };
  const resolved = resolveLocale(content, locale === "default" ? null : locale);
  const missing = missingWithoutDefault(`${workspaceId}:${versionId}:${locale}`, resolved.content, context);
  const { rendered, problems } =
    missing.length > 0 ? { rendered: {}, problems: missing } : await renderContent(resolved, context);
  if (problems.length > 0) {
    const p = problems[0]!;
    return {
      message,
      kind: "skipped",
      reason: "render_error",
      detail: `${p.field}: ${p.message} (line ${p.line}, column ${p.column})`,
      variantKey,
    };
  }
  const tracked = trackLinks(rendered, message.channel, ref, baseUrl);
  const outgoing: OutgoingMessage = {
    workspaceId,
    id: message.id,
    campaignId: message.campaignId,
    profileId: profile.id,
    channel: message.channel as Channel,
    to,
    rendered: tracked.rendered,
    locale,
    unsubscribeUrl: unsubscribe,
    templateId,
    versionId,
  };
  return { item, outgoing, stored: tracked.stored, versionId, locale };
}
