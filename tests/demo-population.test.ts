import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { generatePopulation, loadPopulation } from "@/lib/demo/population";
import { createWorkspace } from "./support/fixtures";
import { rollupsAndRecount } from "./support/rollup-recount";

// The loader COPYs in server mode and inserts through unnest on PGlite; `npm test` runs both.
const options = { profiles: 120, eventsPerProfile: 25, seed: 7, now: new Date("2026-11-01T00:00:00Z") };

const eventsOf = (workspaceId: string) =>
  db.event.findMany({
    where: { workspaceId },
    select: { profileId: true, name: true, occurredAt: true, messageId: true, properties: true, campaignId: true, variantId: true, channel: true, revenue: true },
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

    const traits = await db.$queryRaw<{ ordersCount: number; ltv: string; orders: number; revenue: string }[]>(Prisma.sql`
      SELECT p."ordersCount", p."ltv"::text AS "ltv",
        (SELECT count(*)::int FROM "Event" e WHERE e."workspaceId" = p."workspaceId" AND e."profileId" = p."id" AND e."name" = 'purchase') AS "orders",
        (SELECT coalesce(sum("revenue"), 0)::numeric(14,2)::text FROM "Event" e WHERE e."workspaceId" = p."workspaceId" AND e."profileId" = p."id" AND e."name" = 'purchase') AS "revenue"
      FROM "Profile" p WHERE p."workspaceId" = ${workspaceId}`);
    expect(traits.some((row) => row.ordersCount > 0)).toBe(true);
    for (const row of traits) expect([row.ordersCount, row.ltv]).toEqual([row.orders, row.revenue]);
  });
});
