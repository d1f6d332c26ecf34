import { db, type Tx } from "@/lib/db/client";
import { asRecord } from "@/lib/db/json-object";
import type { Prisma } from "@/lib/generated/prisma/client";
import { CHANNEL_INFO, CHANNELS, type Channel } from "@/lib/profiles/channels";
import { hasChannelAddress } from "../policy/has-address";
import { loadPolicy } from "../policy/load-policy";
import { findTrackedMessage } from "./find-message";
import type { PreferencesInput } from "./preferences-schema";
import { recordOutcomes, type TrackedMessage } from "./record-outcomes";
import { lockProfileSql } from "./sql";
import { verifyToken } from "./token";

export type Preferences = {
  workspaceName: string;
  /** The address the message went to, partly hidden (j•••@example.com), so people know whose settings these are. */
  recipient: string | null;
  messageChannel: string;
  channels: { channel: Channel; label: string; subscribed: boolean }[];
  topics: { key: string; label: string; subscribed: boolean }[];
};

type ProfileRow = {
  id: string;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  traits: unknown;
  consent: unknown;
  subscriptions: unknown;
};

function mask(profile: ProfileRow): string | null {
  if (profile.email) {
    const [name, domain] = profile.email.split("@");
    return `${name!.slice(0, 1)}•••@${domain ?? ""}`;
  }
  if (profile.phone) return `•••${profile.phone.slice(-3)}`;
  return null;
}

/** The channels a person sees: those Tailor can reach them on or has an answer for, and the message's own. */
function shownChannels(profile: ProfileRow, messageChannel: string): Channel[] {
  const consent = asRecord(profile.consent);
  return CHANNELS.filter((c) => c === messageChannel || c in consent || hasChannelAddress(profile, c));
}

type Context = {
  message: TrackedMessage;
  profile: ProfileRow;
  workspaceName: string;
  topics: { key: string; label: string }[];
};

/**
 * Everything the page needs for a token. `lock` (inside a transaction) locks the profile row
 * before reading it, so two tabs saving at once apply one after the other on the latest consent.
 */
async function contextFor(token: string, client: Tx, { lock = false } = {}): Promise<Context | null> {
  const ref = verifyToken(token, "unsubscribe");
  if (!ref) return null;
  const message = await findTrackedMessage(ref, client);
  if (!message) return null;
  if (lock) await client.$queryRaw(lockProfileSql(ref.workspaceId, message.profileId));
  // One after the other: inside a transaction the queries share one connection.
  const profile = await client.profile.findUnique({
    where: { workspaceId_id: { workspaceId: ref.workspaceId, id: message.profileId } },
    select: { id: true, email: true, phone: true, externalId: true, traits: true, consent: true, subscriptions: true },
  });
  const workspace = await client.workspace.findUnique({ where: { id: ref.workspaceId }, select: { name: true } });
  const policy = await loadPolicy(ref.workspaceId, client);
  if (!profile || !workspace) return null;
  return { message, profile, workspaceName: workspace.name, topics: policy.topics };
}

function view(ctx: Context): Preferences {
  const consent = asRecord(ctx.profile.consent);
  const subscriptions = asRecord(ctx.profile.subscriptions);
  return {
    workspaceName: ctx.workspaceName,
    recipient: mask(ctx.profile),
    messageChannel: ctx.message.channel,
    channels: shownChannels(ctx.profile, ctx.message.channel).map((channel) => ({
      channel,
      label: CHANNEL_INFO[channel].label,
      subscribed: consent[channel] === true,
    })),
    topics: ctx.topics.map((t) => ({ key: t.key, label: t.label, subscribed: subscriptions[t.key] !== false })),
  };
}

/** The preference page for /u/<token>; null for a forged token or a message or profile that is gone. */
export async function loadPreferences(token: string): Promise<Preferences | null> {
  const ctx = await contextFor(token, db);
  return ctx && view(ctx);
}

/**
 * Applies the person's choices at once: channel consent (only channels whose answer changed
 * are written; ticking one is an opt-in), topic subscriptions (false = unsubscribed), or
 * everything off. An opt-out writes message_unsubscribed for the message the link came in (once)
 * and every change an audit row (actor: the preference page). Returns the page as it now is.
 */
export async function updatePreferences(
  token: string,
  input: PreferencesInput | { oneClick: true },
  { now = new Date() } = {},
): Promise<Preferences | null> {
  return db.$transaction(async (tx) => {
    const ctx = await contextFor(token, tx, { lock: true });
    if (!ctx) return null;
    const { workspaceId } = ctx.message;
    const consent = asRecord(ctx.profile.consent);
    const subscriptions = asRecord(ctx.profile.subscriptions);
    const shown = shownChannels(ctx.profile, ctx.message.channel);

    const wanted: { consent: Partial<Record<Channel, boolean>>; topics: Record<string, boolean> } =
      "oneClick" in input
        ? {
            consent: CHANNELS.includes(ctx.message.channel as Channel) ? { [ctx.message.channel]: false } : {},
            topics: {},
          }
        : "unsubscribeAll" in input
          ? {
              consent: Object.fromEntries(shown.map((c) => [c, false])),
              topics: Object.fromEntries(ctx.topics.map((t) => [t.key, false])),
            }
          : { consent: input.consent, topics: input.topics };

    const consentChanges: Record<string, boolean> = {};
    for (const [channel, on] of Object.entries(wanted.consent))
      if ((consent[channel] === true) !== on) consentChanges[channel] = on;
    const topicChanges: Record<string, boolean> = {};
    for (const t of ctx.topics) {
      const on = wanted.topics[t.key];
      if (on !== undefined && (subscriptions[t.key] !== false) !== on) topicChanges[t.key] = on;
    }
    if (Object.keys(consentChanges).length === 0 && Object.keys(topicChanges).length === 0) return view(ctx);

    const after = { consent: { ...consent, ...consentChanges }, subscriptions: { ...subscriptions, ...topicChanges } };
    await tx.profile.update({
      where: { workspaceId_id: { workspaceId, id: ctx.profile.id } },
      data: after as Prisma.ProfileUpdateInput,
    });
    const optedOut = {
      channels: Object.keys(consentChanges).filter((c) => !consentChanges[c]),
      topics: Object.keys(topicChanges).filter((t) => !topicChanges[t]),
    };
    if (optedOut.channels.length > 0 || optedOut.topics.length > 0) {
      await recordOutcomes(tx, workspaceId, [
        {
          message: ctx.message,
          name: "message_unsubscribed",
          occurredAt: now,
          properties: { ...optedOut, oneClick: "oneClick" in input },
        },
      ]);
    }
    await tx.auditLog.create({
      data: {
        workspaceId,
        actorId: null,
        actorEmail: "preference page",
        action: "profile.preferences_changed",
        entityType: "profile",
        entityId: ctx.profile.id,
        before: { consent, subscriptions } as Prisma.InputJsonValue,
        after: { ...after, message: ctx.message.id, oneClick: "oneClick" in input } as Prisma.InputJsonValue,
      },
    });
    return view({ ...ctx, profile: { ...ctx.profile, ...after } });
  });
}
