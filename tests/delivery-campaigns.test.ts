import { beforeAll, describe, expect, it } from "vitest";
import * as campaigns from "@/app/api/campaigns/route";
import * as action from "@/app/api/campaigns/[campaignId]/[action]/route";
import { db } from "@/lib/db/client";
import { enqueueOccurrence } from "@/lib/delivery/enqueue";
import { savePolicy } from "@/lib/delivery/policy/save-policy";
import { prelaunchSummary } from "@/lib/delivery/prelaunch-summary";
import { claimMessages } from "@/lib/delivery/worker/claim";
import { drainDelivery } from "@/lib/delivery/worker/delivery-round";
import { sendExperiments } from "@/lib/experiments/send-experiments";
import { recordOutcomes } from "@/lib/delivery/worker/record-outcomes";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { request } from "./support/fixtures";
import { createDeliveryWorld, launch, publishedSms, type DeliveryWorld } from "./support/delivery-fixtures";

let w: DeliveryWorld;
beforeAll(async () => {
  w = await createDeliveryWorld();
});

const messagesOf = async (campaignId: string) => {
  const rows = await db.message.findMany({
    where: { workspaceId: w.workspaceId, campaignId },
    orderBy: { profileId: "asc" },
  });
  const byPerson = Object.fromEntries(Object.entries(w.profiles).map(([name, id]) => [id, name]));
  return Object.fromEntries(rows.map((m) => [byPerson[m.profileId]!, m]));
};

describe("a campaign to a segment on the sandbox", () => {
  let campaignId: string;
  beforeAll(async () => {
    const templateId = await publishedSms(
      w.actors.marketer,
      "Hi {{ profile.first_name }}, 20 % off today: https://shop.example/sale",
    );
    campaignId = await launch(w.actors.marketer, {
      templateId,
      audience: { kind: "segment", id: w.everyoneSegmentId },
    });
  });

  it("estimates who will be skipped and why before it sends", async () => {
    const summary = await prelaunchSummary(w.workspaceId, campaignId);
    expect(summary).toMatchObject({
      audience: 6,
      willSend: 3,
      skips: expect.arrayContaining([
        { reason: "no_consent", count: 2 },
        { reason: "no_address", count: 1 },
      ]),
    });
  });

  it("sends to everyone policy allows and records a skip reason for the rest", async () => {
    await drainDelivery(sendExperiments);
    const m = await messagesOf(campaignId);
    expect(
      Object.fromEntries(
        Object.entries(m).map(([who, row]) => [who, row.status === "skipped" ? row.skipReason : row.status]),
      ),
    ).toEqual({
      ana: "delivered",
      ben: "delivered",
      cleo: "render_error",
      dan: "no_address",
      eve: "no_consent",
      finn: "no_consent",
    });
    expect(m.cleo!.skipDetail).toMatch(/first_name/);
    const campaign = await db.campaign.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: campaignId } },
    });
    expect(campaign.status).toBe("sent");
  });

  it("puts a personalised message with a tracked link in the sandbox outbox, once per message", async () => {
    const outbox = await db.outboxMessage.findMany({ where: { workspaceId: w.workspaceId, campaignId } });
    expect(outbox).toHaveLength(2);
    const ana = outbox.find((o) => o.profileId === w.profiles.ana)!;
    const body = (ana.rendered as { body: string }).body;
    expect(body).toMatch(/^Hi Ana, 20 % off today: http:\/\/.+\/r\/[A-Za-z0-9_-]+$/);
    expect(body).not.toContain("shop.example");
  });

  it("writes the message events and the MessageDaily rollup", async () => {
    const events = await db.event.groupBy({
      by: ["name"],
      where: { workspaceId: w.workspaceId, campaignId },
      _count: true,
    });
    expect(Object.fromEntries(events.map((e) => [e.name, e._count]))).toEqual({
      message_sent: 2,
      message_delivered: 2,
      message_skipped: 4,
    });
    const daily = await db.messageDaily.aggregate({
      where: { workspaceId: w.workspaceId, campaignId },
      _sum: { sent: true, delivered: true, skipped: true, failed: true },
    });
    expect(daily._sum).toEqual({ sent: 2, delivered: 2, skipped: 4, failed: 0 });
  });

  it("is idempotent: enqueuing the same occurrence again or draining again sends nothing new", async () => {
    const campaign = await db.campaign.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: campaignId } },
    });
    const added = await enqueueOccurrence(
      {
        workspaceId: w.workspaceId,
        campaignId,
        channel: "sms",
        audience: { kind: "segment", id: w.everyoneSegmentId },
        schedule: { kind: "now" },
        defaultTimezone: "UTC",
      },
      "1",
      campaign.launchedAt!,
    );
    expect(added).toBe(0);
    await drainDelivery(sendExperiments);
    expect(await db.outboxMessage.count({ where: { workspaceId: w.workspaceId, campaignId } })).toBe(2);
  });
});

describe("policy on every send", () => {
  it("a frequency cap skips the second campaign of the day; a transactional one bypasses it but never consent", async () => {
    await savePolicy(w.actors.admin, {
      caps: [{ channel: "all", max: 1, days: 1 }],
      quietHours: { enabled: false, start: "21:00", end: "08:00", action: "defer" },
      defaultTimezone: "UTC",
      topics: [],
    });
    const templateId = await publishedSms(w.actors.marketer, "Second message of the day");
    const capped = await launch(w.actors.marketer, { templateId, audience: { kind: "all" } });
    await drainDelivery(sendExperiments);
    const m = await messagesOf(capped);
    expect([m.ana!.skipReason, m.ben!.skipReason, m.eve!.skipReason]).toEqual([
      "frequency_cap",
      "frequency_cap",
      "no_consent",
    ]);
    // cleo was not sent earlier (render error), so the cap does not hold her back.
    expect(m.cleo!.status).toBe("delivered");

    const receipt = await launch(w.actors.marketer, { templateId, audience: { kind: "all" }, transactional: true });
    await drainDelivery(sendExperiments);
    const r = await messagesOf(receipt);
    expect([r.ana!.status, r.ben!.status, r.eve!.skipReason, r.finn!.skipReason]).toEqual([
      "delivered",
      "delivered",
      "no_consent",
      "no_consent",
    ]);
    await savePolicy(w.actors.admin, {
      caps: [],
      quietHours: { enabled: false, start: "21:00", end: "08:00", action: "defer" },
      defaultTimezone: "UTC",
      topics: [],
    });
  });
});

describe("triggered sends", () => {
  it("an event trigger enqueues in the ingest transaction, renders the event's properties and counts the persona", async () => {
    const persona = await db.persona.create({
      data: {
        workspaceId: w.workspaceId,
        name: "Everyone",
        ownerEmail: w.actors.pm.email,
        segmentId: w.everyoneSegmentId,
      },
    });
    const templateId = await publishedSms(
      w.actors.marketer,
      "Still thinking about the {{ event.product }}?",
      "add_to_cart",
    );
    const campaignId = await launch(w.actors.marketer, {
      templateId,
      audience: { kind: "all" },
      schedule: { kind: "trigger", trigger: { recipe: "event", event: "add_to_cart", delayMinutes: 0 } },
    });
    await ingestCalls(w.workspaceId, [
      { type: "track", userId: "ben", event: "add_to_cart", properties: { product: "Boots" }, messageId: "cart-ben-1" },
    ] as never);
    const queued = await db.message.findMany({ where: { workspaceId: w.workspaceId, campaignId } });
    expect(queued).toHaveLength(1);
    expect(queued[0]!.status).toBe("queued");
    await drainDelivery(sendExperiments);
    const outbox = await db.outboxMessage.findFirstOrThrow({ where: { workspaceId: w.workspaceId, campaignId } });
    expect((outbox.rendered as { body: string }).body).toBe("Still thinking about the Boots?");
    // Ingest enqueued it without a persona; the sender assigned it, so MessageDaily has the dimension.
    expect((await db.message.findFirstOrThrow({ where: { workspaceId: w.workspaceId, campaignId } })).personaId).toBe(
      persona.id,
    );
    expect(
      await db.messageDaily.findMany({
        where: { workspaceId: w.workspaceId, campaignId },
        select: { personaId: true, delivered: true },
      }),
    ).toEqual([{ personaId: persona.id, delivered: 1 }]);
    // A replay of the same event stores nothing and enqueues nothing.
    await ingestCalls(w.workspaceId, [
      { type: "track", userId: "ben", event: "add_to_cart", properties: { product: "Boots" }, messageId: "cart-ben-1" },
    ] as never);
    expect(await db.message.count({ where: { workspaceId: w.workspaceId, campaignId } })).toBe(1);
  });

  it("an abandoned-cart reminder waits its hours and is skipped when the cart was bought meanwhile", async () => {
    const templateId = await publishedSms(w.actors.marketer, "Your cart misses you");
    const campaignId = await launch(w.actors.marketer, {
      templateId,
      audience: { kind: "all" },
      schedule: { kind: "trigger", trigger: { recipe: "abandoned_cart", hours: 2 } },
    });
    await ingestCalls(w.workspaceId, [
      { type: "track", userId: "ana", event: "add_to_cart", properties: { product: "Hat" }, messageId: "cart-ana-1" },
      { type: "track", userId: "ben", event: "add_to_cart", properties: { product: "Belt" }, messageId: "cart-ben-2" },
    ] as never);
    const waiting = await db.message.findMany({ where: { workspaceId: w.workspaceId, campaignId } });
    expect(waiting.map((m) => m.sendAfter.getTime() - Date.now())).toEqual([expect.any(Number), expect.any(Number)]);
    expect(waiting.every((m) => m.sendAfter.getTime() - Date.now() > 110 * 60_000)).toBe(true);
    await ingestCalls(w.workspaceId, [
      { type: "track", userId: "ana", event: "purchase", properties: { revenue: 30 }, messageId: "buy-ana-1" },
    ] as never);
    // Two hours later: the worker claims both; Ana bought, Ben did not.
    const later = new Date(Date.now() + 2 * 3_600_000 + 60_000);
    const { processBatch } = await import("@/lib/delivery/worker/process-batch");
    const leaseUntil = new Date(later.getTime() + 60_000);
    const batch = (await claimMessages(100, leaseUntil, later)).filter((m) => m.campaignId === campaignId);
    await processBatch(batch, leaseUntil, sendExperiments, later);
    const m = await messagesOf(campaignId);
    expect([m.ana!.status, m.ana!.skipReason, m.ben!.status]).toEqual(["skipped", "exit_criteria", "delivered"]);
  });
});

describe("the inactivity recipe", () => {
  it("finds audience profiles whose last app_open is older than N days, once per inactive stretch", async () => {
    const long = new Date(Date.now() - 40 * 86_400_000).toISOString();
    const recent = new Date(Date.now() - 2 * 86_400_000).toISOString();
    await ingestCalls(w.workspaceId, [
      { type: "track", userId: "eve", event: "app_open", timestamp: long, messageId: "open-eve-1" },
      { type: "track", userId: "finn", event: "app_open", timestamp: recent, messageId: "open-finn-1" },
    ] as never);
    const templateId = await publishedSms(w.actors.marketer, "We miss you");
    const campaignId = await launch(w.actors.marketer, {
      templateId,
      audience: { kind: "all" },
      schedule: { kind: "trigger", trigger: { recipe: "inactivity", days: 30 } },
    });
    const { runDueCampaigns } = await import("@/lib/delivery/scheduler");
    await runDueCampaigns();
    const queued = await db.message.findMany({ where: { workspaceId: w.workspaceId, campaignId } });
    expect(queued.map((m) => [m.profileId, m.occurrence])).toEqual([
      [w.profiles.eve, `inactive-since:${long.slice(0, 10)}`],
    ]);
    // The next scan finds the same stretch and adds nothing.
    await db.campaign.update({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: campaignId } },
      data: { nextRunAt: new Date() },
    });
    await runDueCampaigns();
    expect(await db.message.count({ where: { workspaceId: w.workspaceId, campaignId } })).toBe(1);
  });
});

describe("crashes and several workers", () => {
  it("a worker that dies after claiming hands its messages on when the lease ends; its late write is fenced off", async () => {
    const templateId = await publishedSms(w.actors.marketer, "Flash sale {{ profile.first_name | default: 'friend' }}");
    const campaignId = await launch(w.actors.marketer, { templateId, audience: { kind: "all" } });
    const { runDueCampaigns } = await import("@/lib/delivery/scheduler");
    await runDueCampaigns();
    const now = new Date();
    const deadLease = new Date(now.getTime() + 30_000);
    const dead = (await claimMessages(100, deadLease, now)).filter((m) => m.campaignId === campaignId);
    expect(dead.length).toBe(6);
    // Nobody else can take them while the lease holds…
    expect((await claimMessages(100, deadLease, now)).filter((m) => m.campaignId === campaignId)).toHaveLength(0);
    // …after it, the next worker does, and sends each once.
    await drainDelivery(sendExperiments);
    const afterLease = new Date(now.getTime() + 31_000);
    const { processBatch } = await import("@/lib/delivery/worker/process-batch");
    const takenLease = new Date(afterLease.getTime() + 30_000);
    const taken = (await claimMessages(100, takenLease, afterLease)).filter((m) => m.campaignId === campaignId);
    expect(taken.length).toBe(6);
    await processBatch(taken, takenLease, sendExperiments, afterLease);
    // The dead worker wakes up and reports a failure for its old claim: ignored.
    await recordOutcomes(
      dead.map((message) => ({ message, kind: "failed", detail: "late" })),
      deadLease,
      sendExperiments,
      new Date(),
    );
    const m = await messagesOf(campaignId);
    expect(m.ana!.status).toBe("delivered");
    expect(await db.outboxMessage.count({ where: { workspaceId: w.workspaceId, campaignId } })).toBe(
      await db.message.count({ where: { workspaceId: w.workspaceId, campaignId, status: "delivered" } }),
    );
  });
});

describe("the campaigns API", () => {
  it("names the bad field and writes nothing; checks the role on the server", async () => {
    const before = await db.campaign.count({ where: { workspaceId: w.workspaceId } });
    const bad = await campaigns.POST(
      await request("/api/campaigns", {
        method: "POST",
        actor: w.actors.marketer,
        body: { name: "X", channel: "fax", audience: { kind: "all" }, templateId: "t", schedule: { kind: "now" } },
      }),
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe("channel");
    const noTime = await campaigns.POST(
      await request("/api/campaigns", {
        method: "POST",
        actor: w.actors.marketer,
        body: {
          name: "X",
          channel: "sms",
          audience: { kind: "all" },
          templateId: "t",
          schedule: { kind: "local_time", date: "2026-12-24", time: "25:00" },
        },
      }),
    );
    expect((await noTime.json()).error.field).toBe("schedule.time");
    const analyst = await campaigns.POST(
      await request("/api/campaigns", {
        method: "POST",
        actor: w.actors.analyst,
        body: { name: "X", channel: "sms", audience: { kind: "all" }, templateId: "t", schedule: { kind: "now" } },
      }),
    );
    expect(analyst.status).toBe(403);
    expect(await db.campaign.count({ where: { workspaceId: w.workspaceId } })).toBe(before);
  });

  it("launches, pauses and refuses to launch twice", async () => {
    const templateId = await publishedSms(w.actors.marketer, "Hello");
    const created = await (
      await campaigns.POST(
        await request("/api/campaigns", {
          method: "POST",
          actor: w.actors.marketer,
          body: {
            name: "Later",
            channel: "sms",
            audience: { kind: "all" },
            templateId,
            schedule: { kind: "at", at: new Date(Date.now() + 86_400_000).toISOString() },
          },
        }),
      )
    ).json();
    const id = created.campaign.id as string;
    const post = async (name: string) =>
      action.POST(await request(`/api/campaigns/${id}/${name}`, { method: "POST", actor: w.actors.marketer }), {
        params: Promise.resolve({ campaignId: id, action: name }),
      });
    expect((await (await post("launch")).json()).campaign.status).toBe("scheduled");
    expect((await post("launch")).status).toBe(409);
    expect((await (await post("pause")).json()).campaign.status).toBe("paused");
    expect((await (await post("resume")).json()).campaign.status).toBe("scheduled");
    expect((await post("explode")).status).toBe(404);
  });
});

describe("send times", () => {
  it("in each profile's timezone: 09:00 in Berlin and 09:00 in New York are different instants", async () => {
    const templateId = await publishedSms(w.actors.marketer, "Good morning");
    const campaignId = await launch(w.actors.marketer, {
      templateId,
      audience: { kind: "all" },
      schedule: { kind: "local_time", date: "2027-03-29", time: "09:00" },
    });
    await enqueueOccurrence(
      {
        workspaceId: w.workspaceId,
        campaignId,
        channel: "sms",
        audience: { kind: "all" },
        schedule: { kind: "local_time", date: "2027-03-29", time: "09:00" },
        defaultTimezone: "UTC",
      },
      "1",
      new Date("2027-03-28T19:00:00Z"),
    );
    const m = await messagesOf(campaignId);
    // The day after Europe's switch to summer time (CEST, UTC+2); New York has been on EDT (UTC−4) since mid-March.
    expect(m.ana!.sendAfter.toISOString()).toBe("2027-03-29T07:00:00.000Z");
    expect(m.ben!.sendAfter.toISOString()).toBe("2027-03-29T13:00:00.000Z");
    // No timezone: the policy's default (UTC here).
    expect(m.eve!.sendAfter.toISOString()).toBe("2027-03-29T09:00:00.000Z");
  });

  it("at each profile's most active hour of its own day, the fallback time for those without one", async () => {
    await db.profile.update({
      where: { workspaceId_id: { workspaceId: w.workspaceId, id: w.profiles.ana! } },
      data: { activeHour: 19 },
    });
    const templateId = await publishedSms(w.actors.marketer, "Evening deals");
    const schedule = { kind: "best_hour" as const, date: "2027-01-15", fallbackTime: "10:00" };
    const campaignId = await launch(w.actors.marketer, { templateId, audience: { kind: "all" }, schedule });
    await enqueueOccurrence(
      {
        workspaceId: w.workspaceId,
        campaignId,
        channel: "sms",
        audience: { kind: "all" },
        schedule,
        defaultTimezone: "UTC",
      },
      "1",
      new Date("2027-01-14T10:00:00Z"),
    );
    const m = await messagesOf(campaignId);
    expect(m.ana!.sendAfter.toISOString()).toBe("2027-01-15T18:00:00.000Z"); // 19:00 in Berlin (CET)
    expect(m.dan!.sendAfter.toISOString()).toBe("2027-01-15T09:00:00.000Z"); // no active hour: 10:00 in Berlin (CET)
  });
});
