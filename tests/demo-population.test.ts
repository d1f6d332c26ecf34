import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { funnelQuerySchema, retentionQuerySchema } from "@/lib/analytics/schema";
import { getFunnel } from "@/lib/analytics/get-funnel";
import { getRetention } from "@/lib/analytics/get-retention";
import { MIN_RATE_N } from "@/lib/analytics/uncertainty";
import { generatePopulation } from "@/lib/demo/population/generate-population";
import { loadPopulation } from "@/lib/demo/population/load-population";
import { createWorkspace } from "./support/fixtures";
import { profileCounters } from "./support/profile-counters";
import { activityAndRecount, rollupsAndRecount } from "./support/rollup-recount";
import { recomputeTraitsSql } from "@/lib/profiles/ingest/sql";

// The loader COPYs in server mode and inserts through unnest on PGlite; `npm test` runs both.
const options = { profiles: 120, eventsPerProfile: 25, seed: 7, now: new Date("2026-11-01T00:00:00Z") };

const eventsOf = (workspaceId: string) =>
  db.event.findMany({
    where: { workspaceId },
    select: {
      profileId: true,
      name: true,
      occurredAt: true,
      messageId: true,
      properties: true,
      campaignId: true,
      variantId: true,
      channel: true,
      revenue: true,
    },
    orderBy: { messageId: "asc" },
  });
const profilesOf = (workspaceId: string) =>
  db.profile.findMany({
    where: { workspaceId },
    omit: { workspaceId: true, createdAt: true, updatedAt: true },
    orderBy: { id: "asc" },
  });

describe("demo population loader", () => {
  it("stores exactly the generated population, the same for the same seed", async () => {
    const [a, b] = [(await createWorkspace()).workspaceId, (await createWorkspace()).workspaceId];
    // Small COPY chunks in server mode, so several chunks (and both connections) are exercised.
    const reportA = await loadPopulation(a, options, undefined, { copyChunk: 25 });
    await loadPopulation(b, options);
    const generated = [...generatePopulation(options)];
    expect(reportA.profiles).toBe(options.profiles);
    expect(reportA.events).toBe(generated.reduce((sum, p) => sum + p.events.length, 0));
    expect(await eventsOf(a)).toEqual(await eventsOf(b));
    expect(await profilesOf(a)).toEqual(await profilesOf(b));
    const first = generated[0]!;
    const stored = (await eventsOf(a)).find((e) => e.messageId === first.events[0]!.messageId)!;
    expect(stored.occurredAt).toEqual(first.events[0]!.occurredAt);
    expect(stored.properties).toEqual(first.events[0]!.properties);
  });

  it("derives rollups and computed traits that match the raw events", async () => {
    const { workspaceId } = await createWorkspace();
    await loadPopulation(workspaceId, options, undefined, { copyChunk: 25 });
    const { fromRollup, fromEvents, totals, totalsFromEvents } = await rollupsAndRecount(workspaceId);
    expect(fromRollup.length).toBeGreaterThan(100);
    expect(fromRollup).toEqual(fromEvents);
    expect(totals.length).toBeGreaterThan(10);
    expect(totals).toEqual(totalsFromEvents);
    const activity = await activityAndRecount(workspaceId);
    expect(activity.stored.length).toBeGreaterThan(10);
    expect(activity.stored).toEqual(activity.recounted);

    const traits = await db.$queryRaw<
      { ordersCount: number; ltv: string; orders: number; revenue: string }[]
    >(Prisma.sql`
      SELECT p."ordersCount", p."ltv"::text AS "ltv",
        (SELECT count(*)::int FROM "Event" e WHERE e."workspaceId" = p."workspaceId" AND e."profileId" = p."id" AND e."name" = 'purchase') AS "orders",
        (SELECT coalesce(sum("revenue"), 0)::numeric(14,2)::text FROM "Event" e WHERE e."workspaceId" = p."workspaceId" AND e."profileId" = p."id" AND e."name" = 'purchase') AS "revenue"
      FROM "Profile" p WHERE p."workspaceId" = ${workspaceId}`);
    expect(traits.some((row) => row.ordersCount > 0)).toBe(true);
    for (const row of traits) expect([row.ordersCount, row.ltv]).toEqual([row.orders, row.revenue]);
  });

  it("writes each profile with the computed traits recomputeTraitsSql derives from its events", async () => {
    const { workspaceId } = await createWorkspace();
    await loadPopulation(workspaceId, { ...options, profiles: 300 }, undefined, { copyChunk: 50 });
    const computed = async () => ({
      profiles: (
        await db.profile.findMany({
          where: { workspaceId },
          select: {
            id: true,
            ordersCount: true,
            ltv: true,
            aov: true,
            lastPurchaseAt: true,
            firstSeenAt: true,
            lastSeenAt: true,
            favouriteCategory: true,
            activeHour: true,
          },
          orderBy: { id: "asc" },
        })
      ).map((p) => ({ ...p, ltv: p.ltv.toString(), aov: p.aov?.toString() ?? null })),
      counters: await profileCounters(workspaceId),
    });
    const loaded = await computed();
    expect(Object.keys(loaded.counters).length).toBeGreaterThan(100);
    expect(
      loaded.profiles.filter((p) => p.ordersCount > 1 && p.favouriteCategory && p.activeHour !== null).length,
    ).toBeGreaterThan(10);
    await db.$executeRaw(recomputeTraitsSql(workspaceId, null));
    expect(loaded).toEqual(await computed());
  });

  it("draws the default demo (5,000 profiles) as a marketer would believe it: no funnel step at 100 %, weekly cohorts worth a curve", async () => {
    const { workspaceId } = await createWorkspace();
    const now = options.now;
    await loadPopulation(workspaceId, { profiles: 5_000, eventsPerProfile: 40, seed: 42, now });
    for (const steps of [
      "page_view,add_to_cart,checkout_start,purchase",
      "product_view,add_to_cart,checkout_start,purchase",
    ]) {
      const funnel = await getFunnel(workspaceId, funnelQuerySchema.parse({ steps, range: "90d" }), now);
      for (const step of funnel.total.slice(1)) {
        expect(step.fromPrevious).toBeGreaterThan(0.2);
        expect(step.fromPrevious).toBeLessThan(0.95);
      }
    }
    // The retention page's default view: weekly cohorts of the first signup, 12 of them.
    const retention = await getRetention(workspaceId, retentionQuerySchema.parse({}), now);
    expect(retention.cohorts).toHaveLength(12);
    const smallest = retention.cohorts.reduce((min, c) => Math.min(min, c.size), Infinity);
    expect(smallest).toBeGreaterThanOrEqual(3 * MIN_RATE_N);
    // Weeks 0–10 are over for some cohort; week 11 of the oldest is running and week 12 has not begun.
    expect(retention.curve.map((point) => point.rate !== null)).toEqual([...Array(11).fill(true), false, false]);
    expect(retention.curve.slice(1, 11).every((point) => point.eligible >= 3 * MIN_RATE_N)).toBe(true);
    // Falls after signup, then levels out: week 1 well below 100 %, week 8 below week 1 but above zero.
    expect(retention.curve[1]!.rate).toBeLessThan(0.7);
    expect(retention.curve[8]!.rate).toBeLessThan(retention.curve[1]!.rate!);
    expect(retention.curve[8]!.rate).toBeGreaterThan(0.1);
  }, 180_000);
});
