import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { createCampaign, createMessage, createProfile } from "./support/tracking-fixtures";
import { createWorkspace } from "./support/fixtures";

let workspaceId: string;
const HOUR = 3_600_000;

beforeAll(async () => {
  ({ workspaceId } = await createWorkspace());
});

let n = 0;
const track = (userId: string, event: string, at: Date, properties: Record<string, unknown> = {}) => ({
  type: "track",
  userId,
  event,
  timestamp: at.toISOString(),
  messageId: `conv-${++n}-${Math.random().toString(36).slice(2, 8)}`,
  properties,
});

const message = (id: string) => db.message.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id } } });
const conversions = (messageId: string) =>
  db.event.findMany({ where: { workspaceId, name: "message_converted", messageId: `${messageId}:converted` } });

describe("conversion attribution on ingest", () => {
  it("credits a purchase to the last message delivered before it, with the purchase's revenue", async () => {
    const now = new Date();
    const profile = await createProfile(workspaceId);
    const older = await createMessage(workspaceId, await createCampaign(workspaceId), profile.id, {
      sentAt: new Date(now.getTime() - 10 * HOUR),
    });
    const lastCampaign = await createCampaign(workspaceId, { channel: "push" });
    const last = await createMessage(workspaceId, lastCampaign, profile.id, {
      sentAt: new Date(now.getTime() - 2 * HOUR),
      variantId: "A",
    });
    // Sent after the purchase: not a cause of it.
    await createMessage(workspaceId, await createCampaign(workspaceId), profile.id, {
      sentAt: new Date(now.getTime() + HOUR),
    });

    const [result] = await ingestCalls(workspaceId, [track(profile.externalId!, "purchase", now, { revenue: 42.5 })]);
    expect(result!.status).toBe("accepted");

    const [converted] = await conversions(last.id);
    expect(converted).toMatchObject({
      campaignId: lastCampaign.id,
      variantId: "A",
      channel: "push",
      profileId: profile.id,
    });
    expect(converted!.properties).toMatchObject({ revenue: 42.5, messageId: last.id });
    expect((await message(last.id)).convertedAt).not.toBeNull();
    expect((await message(older.id)).convertedAt).toBeNull();
    const rollup = await db.messageDaily.findMany({ where: { workspaceId, campaignId: lastCampaign.id } });
    expect(rollup.reduce((s, r) => s + r.converted, 0)).toBe(1);
    expect(rollup.reduce((s, r) => s + Number(r.revenue), 0)).toBe(42.5);
  });

  it("credits nothing outside the attribution window, nor to a message that failed", async () => {
    const now = new Date();
    const profile = await createProfile(workspaceId);
    const outside = await createMessage(
      workspaceId,
      await createCampaign(workspaceId, { attributionHours: 72 }),
      profile.id,
      { sentAt: new Date(now.getTime() - 73 * HOUR) },
    );
    const failed = await createMessage(workspaceId, await createCampaign(workspaceId), profile.id, {
      status: "failed",
      sentAt: new Date(now.getTime() - HOUR),
    });
    await ingestCalls(workspaceId, [track(profile.externalId!, "purchase", now, { revenue: 10 })]);
    expect(await conversions(outside.id)).toHaveLength(0);
    expect(await conversions(failed.id)).toHaveLength(0);
    expect((await message(outside.id)).convertedAt).toBeNull();
  });

  it("a window is measured from delivery: delivered 5 h after sending, a purchase 3 h after delivery is inside a 4-hour window", async () => {
    const now = new Date();
    const profile = await createProfile(workspaceId);
    const m = await createMessage(workspaceId, await createCampaign(workspaceId, { attributionHours: 4 }), profile.id, {
      sentAt: new Date(now.getTime() - 8 * HOUR),
      deliveredAt: new Date(now.getTime() - 3 * HOUR),
    });
    await ingestCalls(workspaceId, [track(profile.externalId!, "purchase", now)]);
    expect(await conversions(m.id)).toHaveLength(1);
  });

  it("counts a campaign's own goal event; another campaign's goal does not convert it", async () => {
    const now = new Date();
    const profile = await createProfile(workspaceId);
    const signupCampaign = await createCampaign(workspaceId, { goalEvent: "signup", attributionHours: 24 });
    const m = await createMessage(workspaceId, signupCampaign, profile.id, {
      sentAt: new Date(now.getTime() - 3 * HOUR),
    });
    // Later, but its goal is a purchase: a signup is no conversion for it.
    const purchaseOnly = await createMessage(workspaceId, await createCampaign(workspaceId), profile.id, {
      sentAt: new Date(now.getTime() - HOUR),
    });
    await ingestCalls(workspaceId, [
      track(profile.externalId!, "page_view", now),
      track(profile.externalId!, "signup", now),
    ]);
    expect(await conversions(m.id)).toHaveLength(1);
    expect(await conversions(purchaseOnly.id)).toHaveLength(0);
  });

  it("converts a message once: a second purchase, or a replay of the first, adds nothing and does not fall back to an earlier message", async () => {
    const now = new Date();
    const profile = await createProfile(workspaceId);
    const earlier = await createMessage(workspaceId, await createCampaign(workspaceId), profile.id, {
      sentAt: new Date(now.getTime() - 5 * HOUR),
    });
    const last = await createMessage(workspaceId, await createCampaign(workspaceId), profile.id, {
      sentAt: new Date(now.getTime() - 2 * HOUR),
    });
    const first = track(profile.externalId!, "purchase", new Date(now.getTime() - HOUR), { revenue: 5 });
    await ingestCalls(workspaceId, [first, track(profile.externalId!, "purchase", now, { revenue: 7 })]);
    await ingestCalls(workspaceId, [first]);
    await ingestCalls(workspaceId, [
      track(profile.externalId!, "purchase", new Date(now.getTime() + 1000), { revenue: 9 }),
    ]);
    const [only, ...rest] = await conversions(last.id);
    expect(rest).toHaveLength(0);
    expect(only!.properties).toMatchObject({ revenue: 5 });
    expect(await conversions(earlier.id)).toHaveLength(0);
  });

  it("stays one transaction: when recording the conversion fails, the purchase is not stored either", async () => {
    const now = new Date();
    const profile = await createProfile(workspaceId);
    const m = await createMessage(workspaceId, await createCampaign(workspaceId), profile.id, {
      sentAt: new Date(now.getTime() - HOUR),
    });
    // A real failure inside the database, scoped to this message so parallel test files are untouched.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION tailor_test_fail_conversion() RETURNS trigger AS $$
      BEGIN
        IF NEW."messageId" = '${m.id}:converted' THEN RAISE EXCEPTION 'conversion write failed (test)'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(
      `CREATE TRIGGER tailor_test_fail_conversion BEFORE INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION tailor_test_fail_conversion()`,
    );
    const purchase = track(profile.externalId!, "purchase", now, { revenue: 3 });
    try {
      await expect(ingestCalls(workspaceId, [purchase])).rejects.toThrow(/conversion write failed/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER tailor_test_fail_conversion ON "Event"`);
      await db.$executeRawUnsafe(`DROP FUNCTION tailor_test_fail_conversion()`);
    }
    expect(await db.event.count({ where: { workspaceId, messageId: purchase.messageId } })).toBe(0);
    expect(
      (await db.profile.findUniqueOrThrow({ where: { workspaceId_id: { workspaceId, id: profile.id } } })).ordersCount,
    ).toBe(0);
    expect((await message(m.id)).convertedAt).toBeNull();

    // Once the failure is gone, the same purchase is accepted and converts.
    await ingestCalls(workspaceId, [purchase]);
    expect(await conversions(m.id)).toHaveLength(1);
  });
});
