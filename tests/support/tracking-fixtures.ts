import { db } from "@/lib/db/client";

let n = 0;

/** A campaign row as the send engine leaves it (only what tracking and attribution read). */
export async function createCampaign(
  workspaceId: string,
  over: { channel?: string; goalEvent?: string; attributionHours?: number; topic?: string | null } = {},
) {
  return db.campaign.create({
    data: {
      workspaceId,
      name: `Campaign ${++n}`,
      status: "sent",
      channel: over.channel ?? "email",
      audience: { kind: "all" },
      schedule: { kind: "now" },
      goalEvent: over.goalEvent ?? "purchase",
      attributionHours: over.attributionHours ?? 72,
      topic: over.topic ?? null,
      ownerEmail: "tests@test.tailor.dev",
    },
  });
}

export async function createProfile(
  workspaceId: string,
  over: {
    externalId?: string;
    email?: string | null;
    consent?: Record<string, boolean>;
    subscriptions?: Record<string, boolean>;
    timezone?: string;
  } = {},
) {
  return db.profile.create({
    data: {
      workspaceId,
      externalId: over.externalId ?? `user-${++n}-${Math.random().toString(36).slice(2, 8)}`,
      email: over.email === undefined ? `p${++n}@example.com` : over.email,
      consent: over.consent ?? { email: true, push: true },
      subscriptions: over.subscriptions ?? {},
      timezone: over.timezone ?? null,
    },
  });
}

/** A Message in a final state: sent (and delivered, unless `deliveredAt: null`) at the given times. */
export async function createMessage(
  workspaceId: string,
  campaign: { id: string; channel: string },
  profileId: string,
  over: {
    status?: string;
    sentAt?: Date | null;
    deliveredAt?: Date | null;
    rendered?: Record<string, unknown> | null;
    channel?: string;
    variantId?: string | null;
  } = {},
) {
  const sentAt = over.sentAt === undefined ? new Date() : over.sentAt;
  return db.message.create({
    data: {
      workspaceId,
      campaignId: campaign.id,
      profileId,
      occurrence: String(++n),
      channel: over.channel ?? campaign.channel,
      variantId: over.variantId ?? null,
      status: over.status ?? "delivered",
      sendAfter: sentAt ?? new Date(),
      sentAt,
      deliveredAt: over.deliveredAt === undefined ? sentAt : over.deliveredAt,
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it for Prisma's Json input
      rendered: (over.rendered ?? undefined) as object | undefined,
    },
  });
}
