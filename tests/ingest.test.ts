import { Prisma } from "@/lib/generated/prisma/client";
import { describe, expect, it } from "vitest";
import * as batch from "@/app/api/v1/batch/route";
import * as single from "@/app/api/v1/[type]/route";
import * as segmentPath from "@/app/v1/batch/route";
import { db } from "@/lib/db/client";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { mergeProfileSql, recomputeTraitsSql } from "@/lib/profiles/ingest/sql";
import { foldAll } from "@/lib/profiles/intake/fold-lane";
import { createIngestWorkspace, ingestCounts, ingestRequest } from "./support/ingest-fixtures";
import { countersOf, profileCounters } from "./support/profile-counters";
import { activityAndRecount, rollupsAndRecount } from "./support/rollup-recount";

let n = 0;
const mid = () => `msg-${Date.now()}-${n++}`;
const at = (iso: string) => `2026-11-${iso}Z`;

async function profileByUser(workspaceId: string, externalId: string) {
  return db.profile.findUniqueOrThrow({ where: { workspaceId_externalId: { workspaceId, externalId } } });
}

describe("ingestion", () => {
  it("stitches an anonymous visitor into the known customer on identify and alias, keeping every event", async () => {
    const { workspaceId } = await createIngestWorkspace();
    // Browsing anonymously on the desktop, then in the app.
    await ingestCalls(workspaceId, [
      {
        type: "track",
        anonymousId: "desktop-1",
        event: "product_view",
        properties: { category: "shoes" },
        timestamp: at("20T09:00:00"),
        messageId: mid(),
      },
      {
        type: "track",
        anonymousId: "desktop-1",
        event: "product_view",
        properties: { category: "shoes" },
        timestamp: at("20T09:05:00"),
        messageId: mid(),
      },
      { type: "track", anonymousId: "desktop-1", event: "add_to_cart", timestamp: at("20T09:06:00"), messageId: mid() },
    ]);
    await ingestCalls(workspaceId, [
      {
        type: "identify",
        userId: "cust-7",
        traits: { email: "Ada@Example.com", first_name: "Ada", timezone: "Europe/Berlin", consent: { email: true } },
        timestamp: at("21T10:00:00"),
        messageId: mid(),
      },
      {
        type: "track",
        userId: "cust-7",
        event: "purchase",
        properties: { revenue: 120, category: "shoes" },
        timestamp: at("21T10:30:00"),
        messageId: mid(),
      },
      { type: "track", anonymousId: "app-9", event: "app_open", timestamp: at("21T20:00:00"), messageId: mid() },
      {
        type: "track",
        anonymousId: "app-9",
        event: "product_view",
        properties: { category: "bags" },
        timestamp: at("21T20:01:00"),
        messageId: mid(),
      },
    ]);
    expect(await db.profile.count({ where: { workspaceId } })).toBe(3);

    // The desktop visitor identifies; the app's anonymous id is aliased to the customer.
    const results = await ingestCalls(workspaceId, [
      {
        type: "identify",
        userId: "cust-7",
        anonymousId: "desktop-1",
        traits: { plan: "gold" },
        timestamp: at("22T08:00:00"),
        messageId: mid(),
      },
      { type: "alias", previousId: "app-9", userId: "cust-7", timestamp: at("22T08:01:00"), messageId: mid() },
      {
        type: "track",
        userId: "cust-7",
        event: "purchase",
        properties: { revenue: 30 },
        timestamp: at("22T12:00:00"),
        messageId: mid(),
      },
    ]);
    expect(results.map((r) => r.status)).toEqual(["accepted", "accepted", "accepted"]);

    const profiles = await db.profile.findMany({ where: { workspaceId } });
    expect(profiles).toHaveLength(1);
    const customer = await profileByUser(workspaceId, "cust-7");
    expect(await db.event.count({ where: { workspaceId, profileId: customer.id } })).toBe(10);
    expect(
      (await db.profileAlias.findMany({ where: { workspaceId }, orderBy: { anonymousId: "asc" } })).map((a) => [
        a.anonymousId,
        a.profileId,
      ]),
    ).toEqual([
      ["app-9", customer.id],
      ["desktop-1", customer.id],
    ]);
    expect(await db.profileMerge.count({ where: { workspaceId, intoProfileId: customer.id } })).toBe(2);
    expect(customer).toMatchObject({
      email: "ada@example.com",
      timezone: "Europe/Berlin",
      ordersCount: 2,
      favouriteCategory: "shoes",
      traits: { first_name: "Ada", plan: "gold" },
      consent: { email: true },
    });
    expect(customer.ltv.toString()).toBe("150");
    expect(customer.aov?.toString()).toBe("75");
    expect(customer.firstSeenAt?.toISOString()).toBe("2026-11-20T09:00:00.000Z");
    expect(customer.lastSeenAt?.toISOString()).toBe("2026-11-22T12:00:00.000Z");
    expect(customer.lastPurchaseAt?.toISOString()).toBe("2026-11-22T12:00:00.000Z");
    // Both anonymous profiles' counts are the customer's now, by its Berlin hours (CET, UTC+1).
    expect(await profileCounters(workspaceId)).toEqual({
      [customer.id]: { categoryViews: { bags: 1, shoes: 2 }, hourCounts: { "10": 3, "11": 1, "13": 1, "21": 2 } },
    });
    expect(customer.activeHour).toBe(10);
  });

  it("adds the merged-away profile's running counts into the surviving one", async () => {
    const { workspaceId } = await createIngestWorkspace();
    const view = (who: Record<string, string>, category: string, hour: string) => ({
      type: "track",
      ...who,
      event: "product_view",
      properties: { category },
      timestamp: at(`20T${hour}:00:00`),
      messageId: mid(),
    });
    await ingestCalls(workspaceId, [
      view({ userId: "known" }, "hats", "08"),
      view({ userId: "known" }, "bags", "09"),
      view({ anonymousId: "anon" }, "bags", "09"),
      view({ anonymousId: "anon" }, "bags", "10"),
    ]);
    const known = await profileByUser(workspaceId, "known");
    const anon = await db.profileAlias.findUniqueOrThrow({
      where: { workspaceId_anonymousId: { workspaceId, anonymousId: "anon" } },
    });
    // The merge's own statements, without the recount that follows them in mergeProfiles.
    await db.$transaction(async (tx) => {
      for (const statement of mergeProfileSql(workspaceId, anon.profileId, known.id)) await tx.$executeRaw(statement);
    });
    const merged = await profileCounters(workspaceId);
    expect(merged).toEqual({
      [known.id]: { categoryViews: { bags: 3, hats: 1 }, hourCounts: { "8": 1, "9": 2, "10": 1 } },
    });
    await db.$executeRaw(recomputeTraitsSql(workspaceId, [known.id]));
    expect(await profileCounters(workspaceId)).toEqual(merged);
    expect(await profileByUser(workspaceId, "known")).toMatchObject({ favouriteCategory: "bags", activeHour: 9 });
  });

  it("stores nothing new when a batch is replayed (accepted at capture, folded once)", async () => {
    const { workspaceId, key } = await createIngestWorkspace();
    const body = {
      batch: [
        { type: "identify", userId: "u-1", traits: { email: "u1@example.com" }, messageId: mid() },
        { type: "track", userId: "u-1", event: "purchase", properties: { revenue: 10 }, messageId: mid() },
        { type: "page", anonymousId: "a-1", name: "Home", messageId: mid() },
      ],
    };
    const first = await batch.POST(ingestRequest("/api/v1/batch", body, key));
    expect(await first.json()).toMatchObject({ accepted: 3, duplicates: 0, rejected: 0 });
    await foldAll();
    const before = await ingestCounts(workspaceId);
    expect(before.events).toBe(3);
    const profile = await profileByUser(workspaceId, "u-1");
    expect(profile.ordersCount).toBe(1);

    // Capture does not look events up: the replay is accepted, and the fold stores nothing again.
    const replay = await batch.POST(ingestRequest("/api/v1/batch", body, key));
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ accepted: 3, duplicates: 0, rejected: 0 });
    await foldAll();
    expect(await ingestCounts(workspaceId)).toEqual(before);
    expect((await profileByUser(workspaceId, "u-1")).ordersCount).toBe(profile.ordersCount);
  });

  it("keeps rollups equal to a recomputation from raw events", async () => {
    const { workspaceId } = await createIngestWorkspace();
    const names = ["page_view", "product_view", "add_to_cart", "purchase", "app_open", "message_delivered"];
    const calls = Array.from({ length: 300 }, (_, i) => ({
      type: "track",
      [i % 3 === 0 ? "anonymousId" : "userId"]: `p-${i % 17}`,
      event: names[i % names.length],
      properties: { revenue: (i % 7) + 1, category: ["shoes", "bags", "hats"][i % 3] },
      timestamp: new Date(Date.UTC(2026, 10, 1 + (i % 20), i % 24)).toISOString(),
      messageId: mid(),
    }));
    await ingestCalls(workspaceId, calls.slice(0, 150));
    await ingestCalls(workspaceId, calls.slice(100)); // overlaps: 50 replays
    await ingestCalls(workspaceId, [{ type: "identify", userId: "p-1", anonymousId: "p-0", messageId: mid() }]); // a merge

    const { fromRollup, fromEvents, totals, totalsFromEvents } = await rollupsAndRecount(workspaceId);
    expect(fromRollup.length).toBeGreaterThan(50);
    expect(fromRollup).toEqual(fromEvents);
    expect(totals.length).toBeGreaterThan(10);
    expect(totals).toEqual(totalsFromEvents);

    const activeDays = await db.$queryRaw<{ n: number }[]>(
      Prisma.sql`SELECT count(*)::int AS n FROM "ProfileActiveDay" WHERE "workspaceId" = ${workspaceId}`,
    );
    const distinctDays = await db.$queryRaw<{ n: number }[]>(Prisma.sql`
      SELECT count(DISTINCT ("profileId", "occurredAt"::date))::int AS n FROM "Event"
      WHERE "workspaceId" = ${workspaceId} AND left("name", 1) <> '$' AND "name" <> 'message_delivered'`);
    expect(activeDays).toEqual(distinctDays);
    // Retention's per-profile summary: the same active days, through late events and the merge.
    const activity = await activityAndRecount(workspaceId);
    expect(activity.stored.length).toBeGreaterThan(10);
    expect(activity.stored).toEqual(activity.recounted);

    const orders = await db.$queryRaw<
      { id: string; ordersCount: number; ltv: string; recomputedOrders: number; recomputedLtv: string }[]
    >(Prisma.sql`
      SELECT p."id", p."ordersCount", p."ltv"::text AS "ltv",
        (SELECT count(*)::int FROM "Event" e WHERE e."workspaceId" = p."workspaceId" AND e."profileId" = p."id" AND e."name" = 'purchase') AS "recomputedOrders",
        (SELECT coalesce(sum("revenue"), 0)::numeric(14,2)::text FROM "Event" e WHERE e."workspaceId" = p."workspaceId" AND e."profileId" = p."id" AND e."name" = 'purchase') AS "recomputedLtv"
      FROM "Profile" p WHERE p."workspaceId" = ${workspaceId}`);
    for (const row of orders) {
      expect([row.ordersCount, row.ltv]).toEqual([row.recomputedOrders, row.recomputedLtv]);
    }
  });

  it("keeps the favourite category and active hour when a batch brings no views", async () => {
    const { workspaceId } = await createIngestWorkspace();
    await ingestCalls(workspaceId, [
      {
        type: "track",
        userId: "fan",
        event: "product_view",
        properties: { category: "hats" },
        timestamp: at("20T07:00:00"),
        messageId: mid(),
      },
      {
        type: "track",
        userId: "fan",
        event: "product_view",
        properties: { category: "hats" },
        timestamp: at("20T07:10:00"),
        messageId: mid(),
      },
      {
        type: "track",
        userId: "fan",
        event: "product_view",
        properties: { category: "bags" },
        timestamp: at("20T07:20:00"),
        messageId: mid(),
      },
    ]);
    await ingestCalls(workspaceId, [
      {
        type: "track",
        userId: "fan",
        event: "purchase",
        properties: { revenue: 5 },
        timestamp: at("21T07:30:00"),
        messageId: mid(),
      },
    ]);
    const fan = await profileByUser(workspaceId, "fan");
    expect([fan.favouriteCategory, fan.activeHour]).toEqual(["hats", 7]);
    expect(await countersOf(workspaceId, fan.id)).toEqual({
      categoryViews: { hats: 2, bags: 1 },
      hourCounts: { "7": 4 },
    });
  });

  it("counts every purchase and view when batches for the same customer arrive at once", async () => {
    const { workspaceId } = await createIngestWorkspace();
    await ingestCalls(workspaceId, [{ type: "identify", userId: "busy", messageId: mid() }]);
    const batchOf = (k: number) =>
      Array.from({ length: 20 }, (_, i) => ({
        type: "track",
        userId: "busy",
        event: i % 2 === 0 ? "purchase" : "product_view",
        properties: { revenue: 10, category: k % 2 === 0 ? "hats" : "bags" },
        timestamp: at(`20T0${k}:${String(i).padStart(2, "0")}:00`),
        messageId: mid(),
      }));
    await Promise.all([0, 1, 2, 3].map((k) => ingestCalls(workspaceId, batchOf(k))));
    const busy = await profileByUser(workspaceId, "busy");
    expect([busy.ordersCount, busy.ltv.toString(), busy.favouriteCategory]).toEqual([40, "400", "bags"]);
    expect(await countersOf(workspaceId, busy.id)).toEqual({
      categoryViews: { hats: 20, bags: 20 },
      hourCounts: { "0": 20, "1": 20, "2": 20, "3": 20 },
    });
  });

  it("advances category and hour counts exactly as a recount from raw events, also when racing batches share events", async () => {
    const { workspaceId } = await createIngestWorkspace();
    const categories = ["bags", "Bags", "hats", "", "Été"];
    const zones = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC"];
    let seed = 7;
    const random = (k: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % k);
    const call = (user: number) => {
      const kind = random(6);
      const timestamp = new Date(Date.UTC(2026, 10, 1 + random(25), random(24), random(60))).toISOString();
      if (kind === 0)
        return {
          type: "identify",
          userId: `u${user}`,
          traits: { timezone: zones[random(zones.length)] },
          timestamp,
          messageId: mid(),
        };
      const event = ["product_view", "page_view", "purchase", "app_open", "product_view"][kind - 1]!;
      const category = random(5) === 0 ? 42 : categories[random(categories.length)];
      return {
        type: "track",
        userId: `u${user}`,
        event,
        properties: { category, revenue: 10 },
        timestamp,
        messageId: mid(),
      };
    };
    for (let round = 0; round < 6; round++) {
      const batch = Array.from({ length: 120 }, () => call(random(15)));
      const overlapping = [...batch.slice(60), ...Array.from({ length: 60 }, () => call(random(15)))];
      // Two requests sharing 60 events at once: each shared event is stored by one and is a duplicate for the other.
      const [a, b] = await Promise.all([ingestCalls(workspaceId, batch), ingestCalls(workspaceId, overlapping)]);
      a.slice(60).forEach((result, i) =>
        expect([result.status, b[i]!.status].sort()).toEqual(["accepted", "duplicate"]),
      );
      expect(b.slice(60).every((result) => result.status === "accepted")).toBe(true);
    }
    const counts = async () => ({
      profiles: await db.profile.findMany({
        where: { workspaceId },
        orderBy: { id: "asc" },
        select: { id: true, timezone: true, favouriteCategory: true, activeHour: true },
      }),
      counters: await profileCounters(workspaceId),
    });
    const incremental = await counts();
    expect(incremental.profiles.filter((p) => p.timezone).length).toBeGreaterThan(5);
    expect(incremental.profiles.filter((p) => p.favouriteCategory === "Bags").length).toBeGreaterThan(0);
    expect(Object.keys(incremental.counters).length).toBeGreaterThan(5);
    await db.$executeRaw(recomputeTraitsSql(workspaceId, null));
    expect(incremental).toEqual(await counts());
  });

  it("lands two batches that create the same new customers and anonymous ids in opposite orders at once", async () => {
    const { workspaceId } = await createIngestWorkspace();
    for (let round = 0; round < 8; round++) {
      const users = Array.from({ length: 40 }, (_, i) => ({
        userId: `race-${round}-${i}`,
        anonymousId: `anon-${round}-${i}`,
      }));
      const calls = (order: typeof users) =>
        order.map((u) => ({ type: "identify", ...u, traits: { plan: "pro" }, messageId: mid() }));
      const [a, b] = await Promise.all([
        ingestCalls(workspaceId, calls(users)),
        ingestCalls(workspaceId, calls([...users].reverse())),
      ]);
      expect([...a, ...b].every((result) => result.status === "accepted")).toBe(true);
    }
    expect(await db.profile.count({ where: { workspaceId } })).toBe(8 * 40);
    expect(await db.profileAlias.count({ where: { workspaceId } })).toBe(8 * 40);
  });

  it("corrects the sender's clock with sentAt", async () => {
    const { workspaceId } = await createIngestWorkspace();
    const receivedAt = new Date("2026-11-23T12:00:00Z");
    // The device clock is 2 hours behind: it stamped 09:00 and thought it sent at 10:00.
    await ingestCalls(
      workspaceId,
      [{ type: "track", userId: "skewed", event: "app_open", timestamp: "2026-11-23T09:00:00Z", messageId: mid() }],
      {
        receivedAt,
        sentAt: "2026-11-23T10:00:00Z",
      },
    );
    const event = await db.event.findFirstOrThrow({ where: { workspaceId, name: "app_open" } });
    expect(event.occurredAt.toISOString()).toBe("2026-11-23T11:00:00.000Z");
  });

  it("accepts the key as Basic username or writeKey, at /v1/batch too, and single calls", async () => {
    const { workspaceId, key } = await createIngestWorkspace();
    const basic = `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
    const viaBasic = await segmentPath.POST(
      ingestRequest("/v1/batch", { batch: [{ type: "track", userId: "b", event: "signup", messageId: mid() }] }, null, {
        authorization: basic,
      }),
    );
    expect(viaBasic.status).toBe(200);
    const viaWriteKey = await batch.POST(
      ingestRequest(
        "/api/v1/batch",
        { writeKey: key, batch: [{ type: "track", userId: "b", event: "search", messageId: mid() }] },
        null,
      ),
    );
    expect(viaWriteKey.status).toBe(200);
    const identify = await single.POST(
      ingestRequest("/api/v1/identify", { userId: "b", traits: { email: "b@example.com" } }, key),
      { params: Promise.resolve({ type: "identify" }) },
    );
    expect(identify.status).toBe(200);
    await foldAll();
    expect((await profileByUser(workspaceId, "b")).email).toBe("b@example.com");
    expect(await db.event.count({ where: { workspaceId } })).toBe(3);
    expect((await db.apiKey.findFirstOrThrow({ where: { workspaceId } })).lastUsedAt).not.toBeNull();
  });

  it("learns the trait catalog from identify calls", async () => {
    const { workspaceId } = await createIngestWorkspace();
    await ingestCalls(workspaceId, [
      {
        type: "identify",
        userId: "c1",
        traits: { plan: "gold", age: 31, vip: true, birthday: "1990-04-01" },
        messageId: mid(),
      },
      { type: "identify", userId: "c2", traits: { plan: "silver" }, messageId: mid() },
    ]);
    const catalog = await db.traitCatalog.findMany({ where: { workspaceId }, orderBy: { key: "asc" } });
    expect(catalog.map((t) => [t.key, t.type])).toEqual([
      ["age", "number"],
      ["birthday", "date"],
      ["plan", "string"],
      ["vip", "boolean"],
    ]);
    expect(catalog.find((t) => t.key === "plan")?.examples).toEqual(expect.arrayContaining(["gold", "silver"]));
  });
});
