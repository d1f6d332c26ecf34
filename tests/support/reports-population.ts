import { db } from "@/lib/db/client";
import { rebuildMessageDaily } from "@/lib/delivery/message-daily";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { createWorkspace } from "./fixtures";

export const NOW = new Date("2026-06-30T12:00:00Z");
const DAY = 86_400_000;
export type RawEvent = {
  profileId: string;
  name: string;
  occurredAt: Date;
  campaignId: string | null;
  variantId: string | null;
  channel: string | null;
  revenue: number;
  url: string | null;
};

/** A small deterministic generator (mulberry32), so a failing run can be replayed. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

/**
 * A workspace with a generated population sent through the real ingestion (which keeps
 * ProfileEventDaily and ProfileActiveDay) and MessageDaily rebuilt from the message events:
 * behaviour over 60 days, a one-off e-mail A/B campaign and a push campaign sent on several days.
 */
export async function createReportsPopulation(seed = 7, profiles = 60) {
  const { workspaceId, actors } = await createWorkspace();
  const r = random(seed);
  let n = 0;
  const items: object[] = [];
  const track = (userId: string, event: string, at: number, properties: Record<string, unknown> = {}) =>
    items.push({
      type: "track",
      userId,
      event,
      properties,
      timestamp: new Date(at).toISOString(),
      messageId: `m-${seed}-${n++}`,
    });
  // As delivery writes them: each event names its message and carries the message's send instant.
  const message = (
    userId: string,
    campaignId: string,
    channel: string,
    variantId: string | null,
    sent: number,
    at: number,
    stage: string,
    extra: Record<string, unknown> = {},
  ) =>
    track(userId, `message_${stage}`, at, {
      campaignId,
      channel,
      ...(variantId ? { variantId } : {}),
      messageId: `${campaignId}:${userId}:${sent}`,
      sentAt: new Date(sent).toISOString(),
      ...extra,
    });
  for (let i = 0; i < profiles; i++) {
    const user = `u${i}`;
    const signupDay = r.int(5, 60);
    const base = NOW.getTime() - signupDay * DAY - r.int(0, 600) * 60_000;
    track(user, "signup", base);
    for (let d = 0; d <= signupDay; d++) {
      if (!r.chance(0.3)) continue;
      const t = base + d * DAY + r.int(1, 300) * 60_000;
      if (t > NOW.getTime()) break;
      track(user, "app_open", t);
      track(user, "product_view", t + 60_000);
      if (r.chance(0.5)) track(user, "add_to_cart", t + r.int(2, 90) * 60_000);
      if (r.chance(0.3)) track(user, "purchase", t + r.int(30, 3000) * 60_000, { revenue: r.int(10, 90) });
    }
    // The one-off e-mail A/B test, 20 days ago.
    if (r.chance(0.8)) {
      const variant = r.chance(0.5) ? "A" : "B";
      const sent = NOW.getTime() - 20 * DAY + r.int(0, 1200) * 60_000;
      const email = (at: number, stage: string, extra?: Record<string, unknown>) =>
        message(user, "rep-email", "email", variant, sent, at, stage, extra);
      email(sent, "sent");
      if (r.chance(0.95)) {
        email(sent + 60_000, "delivered");
        if (r.chance(0.4)) email(sent + r.int(2, 2000) * 60_000, "opened");
        if (r.chance(0.2)) {
          const clicks = r.int(1, 3);
          for (let c = 0; c < clicks; c++)
            email(sent + r.int(100, 3000) * 60_000, "clicked", {
              url: c === 0 ? "https://shop.example/sale" : "https://shop.example/new",
            });
          if (r.chance(0.5)) email(sent + 3100 * 60_000, "converted", { revenue: r.int(20, 80) });
        }
        if (r.chance(0.05)) email(sent + 10 * 60_000, "unsubscribed");
      }
    }
    // A push sent on up to three days: one person, several deliveries and clicks on different days.
    for (const daysAgo of [12, 8, 3]) {
      if (!r.chance(0.5)) continue;
      const sent = NOW.getTime() - daysAgo * DAY + r.int(0, 600) * 60_000;
      message(user, "rep-push", "push", null, sent, sent, "sent");
      message(user, "rep-push", "push", null, sent, sent + 1000, "delivered");
      if (r.chance(0.5)) message(user, "rep-push", "push", null, sent, sent + 120_000, "opened");
      if (r.chance(0.3))
        message(user, "rep-push", "push", null, sent, sent + 300_000, "clicked", { url: "https://shop.example/app" });
    }
  }
  for (let i = 0; i < items.length; i += 400) await ingestCalls(workspaceId, items.slice(i, i + 400));
  const owner = actors.marketer;
  await db.campaign.createMany({
    data: [
      {
        workspaceId,
        id: "rep-email",
        name: "Report e-mail test",
        status: "sent",
        channel: "email",
        audience: { kind: "all" },
        schedule: { kind: "at", at: new Date(NOW.getTime() - 20 * DAY).toISOString() },
        ownerEmail: owner.email,
        launchedAt: new Date(NOW.getTime() - 20 * DAY),
      },
      {
        workspaceId,
        id: "rep-push",
        name: "Report push",
        status: "sending",
        channel: "push",
        audience: { kind: "all" },
        schedule: { kind: "trigger", trigger: { recipe: "inactivity", days: 7 } },
        ownerEmail: owner.email,
        launchedAt: new Date(NOW.getTime() - 12 * DAY - DAY),
      },
    ],
  });
  await rebuildMessageDaily(workspaceId, NOW);
  const events = await db.event.findMany({
    where: { workspaceId },
    select: {
      profileId: true,
      name: true,
      occurredAt: true,
      campaignId: true,
      variantId: true,
      channel: true,
      properties: true,
    },
  });
  const raw: RawEvent[] = events
    .filter((e) => !e.name.startsWith("$"))
    .map((e) => {
      const p = e.properties as Record<string, unknown>;
      return {
        profileId: e.profileId,
        name: e.name,
        occurredAt: e.occurredAt,
        campaignId: e.campaignId,
        variantId: e.variantId,
        channel: e.channel,
        revenue: Number(p.revenue ?? 0),
        url: typeof p.url === "string" ? p.url : null,
      };
    });
  return { workspaceId, actors, raw };
}

export const dayOf = (d: Date) => d.toISOString().slice(0, 10);
