import pg from "pg";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { connectionFields } from "@/lib/db/database-url";
import { ingestCalls, validateItems } from "@/lib/profiles/ingest/ingest-calls";
import { captureCalls } from "@/lib/profiles/intake/capture-calls";
import { dropFoldedPartitions } from "@/lib/profiles/intake/drop-folded-partitions";
import { ensurePartitions, partitionName } from "@/lib/profiles/intake/ensure-partitions";
import { foldAll, foldLane, foldLaneGuarded, SET_ASIDE_AFTER } from "@/lib/profiles/intake/fold-lane";
import { foldStatus } from "@/lib/profiles/intake/fold-status";
import { liveLaneOf } from "@/lib/profiles/intake/lanes";
import { captureCallsSql } from "@/lib/profiles/intake/sql";
import { createWorkspace } from "./support/fixtures";
import { profileCounters } from "./support/profile-counters";

// PGlite serves one session at a time (lib/db/pglite-server.ts): a capture cannot stay open beside a fold.
const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);
const DAY = 86_400_000;
let n = 0;
const mid = () => `intake-${Date.now()}-${n++}`;
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();

/** A lane folded now, waiting while another worker (another test file) holds it. */
async function foldLaneNow(lane: number, options: Parameters<typeof foldLane>[1] = {}) {
  for (;;) {
    const result = await foldLane(lane, options);
    if (!result.skipped) return result;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Everything ingestion stores for a workspace, with profiles named by user id or anonymous ids (ids differ). */
async function storedState(workspaceId: string) {
  const profiles = await db.profile.findMany({ where: { workspaceId }, include: { aliases: true } });
  const keyOf = new Map(
    profiles.map((p) => [
      p.id,
      p.externalId ??
        `anon:${p.aliases
          .map((a) => a.anonymousId)
          .sort()
          .join(",")}`,
    ]),
  );
  const key = (id: string) => keyOf.get(id) ?? id;
  const counters = await profileCounters(workspaceId);
  const countsOf = (id: string) => counters[id] ?? { categoryViews: {}, hourCounts: {} };
  const sort = <T>(rows: T[]) => rows.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  const events = await db.event.findMany({ where: { workspaceId } });
  const daily = await db.profileEventDaily.findMany({ where: { workspaceId } });
  const totals = await db.profileEventTotal.findMany({ where: { workspaceId } });
  const active = await db.profileActiveDay.findMany({ where: { workspaceId } });
  const activity = await db.$queryRaw<{ profileId: string; days: string; weeks: string; firstDay: Date }[]>(Prisma.sql`
    SELECT "profileId", "days"::text AS "days", "weeks"::text AS "weeks", "firstDay"
    FROM "ProfileActivity" WHERE "workspaceId" = ${workspaceId}`);
  return {
    profiles: sort(
      profiles.map((p) => ({
        key: key(p.id),
        traits: p.traits,
        consent: p.consent,
        email: p.email,
        ordersCount: p.ordersCount,
        ltv: String(p.ltv),
        aov: p.aov === null ? null : String(p.aov),
        firstSeenAt: p.firstSeenAt,
        lastSeenAt: p.lastSeenAt,
        lastPurchaseAt: p.lastPurchaseAt,
        favouriteCategory: p.favouriteCategory,
        categoryViews: countsOf(p.id).categoryViews,
        activeHour: p.activeHour,
        hourCounts: countsOf(p.id).hourCounts,
      })),
    ),
    events: sort(
      events.map((e) => ({
        messageId: e.messageId,
        profile: key(e.profileId),
        name: e.name,
        occurredAt: e.occurredAt,
        properties: e.properties,
        revenue: e.revenue === null ? null : String(e.revenue),
      })),
    ),
    daily: sort(daily.map((d) => ({ profile: key(d.profileId), name: d.name, day: d.day, count: d.count }))),
    totals: sort(totals.map((t) => ({ ...t, profileId: key(t.profileId), workspaceId: null }))),
    active: sort(active.map((a) => ({ profile: key(a.profileId), day: a.day }))),
    activity: sort(activity.map((a) => ({ ...a, profileId: key(a.profileId) }))),
  };
}

/** A customer's story over three requests: anonymous browsing, a sign-in that merges it, a late event, a refusal. */
function story() {
  const m = Array.from({ length: 12 }, mid);
  return [
    [
      {
        type: "track",
        anonymousId: "web-1",
        event: "product_view",
        properties: { category: "shoes" },
        timestamp: at(20, 9),
        messageId: m[0],
      },
      {
        type: "page",
        anonymousId: "web-1",
        name: "Home",
        properties: { category: "bags" },
        timestamp: at(20, 10),
        messageId: m[1],
      },
      {
        type: "identify",
        userId: "ada",
        traits: { email: "ada@example.com", plan: "free" },
        timestamp: at(20, 11),
        messageId: m[2],
      },
      { type: "identify", userId: "bob", traits: { email: "bob@example.com" }, timestamp: at(20, 11), messageId: m[3] },
    ],
    [
      {
        type: "identify",
        userId: "ada",
        anonymousId: "web-1",
        traits: { plan: "gold" },
        timestamp: at(21, 8),
        messageId: m[4],
      },
      {
        type: "track",
        userId: "ada",
        event: "purchase",
        properties: { revenue: 120, category: "shoes" },
        timestamp: at(21, 9),
        messageId: m[5],
      },
      { type: "track", anonymousId: "app-2", event: "app_open", timestamp: at(21, 20), messageId: m[6] },
      { type: "alias", userId: "ada", previousId: "app-2", timestamp: at(21, 21), messageId: m[7] },
      // Both ids known: refused at store time (field previousId).
      { type: "alias", userId: "ada", previousId: "bob", timestamp: at(21, 22), messageId: m[8] },
    ],
    [
      // Late: occurred before everything above.
      {
        type: "track",
        userId: "ada",
        event: "purchase",
        properties: { revenue: 30.5 },
        timestamp: at(2, 7),
        messageId: m[9],
      },
      {
        type: "track",
        userId: "bob",
        event: "product_view",
        properties: { category: "hats" },
        timestamp: at(22, 3),
        messageId: m[10],
      },
      {
        type: "track",
        userId: "ada",
        event: "purchase",
        properties: { revenue: 120, category: "shoes" },
        timestamp: at(21, 9),
        messageId: m[5],
      },
    ],
  ];
}

const refusedOf = (workspaceId: string) =>
  db.$queryRaw<{ messageId: string; field: string }[]>(Prisma.sql`
    SELECT "messageId", "field" FROM "tailor_intake"."refused" WHERE "workspaceId" = ${workspaceId} ORDER BY "id"`);

describe("capture and fold", () => {
  it("stores through capture and fold exactly what the synchronous path stores", async () => {
    const batches = story();
    const sync = (await createWorkspace()).workspaceId;
    for (const batch of batches) await ingestCalls(sync, batch);
    const folded = (await createWorkspace()).workspaceId;
    const stepwise = (await createWorkspace()).workspaceId;
    for (const batch of batches) {
      const results = await captureCalls(folded, batch);
      expect(results.every((r) => r.status === "accepted")).toBe(true);
      await captureCalls(stepwise, batch);
    }
    // One fold round for all three requests, and rounds of three rows each.
    await foldAll();
    for (let i = 0; i < 6; i++) await foldLaneNow(liveLaneOf(stepwise), { limit: 3 });
    await foldAll();

    const expected = await storedState(sync);
    expect(expected.events).toHaveLength(10);
    expect(await storedState(folded)).toEqual(expected);
    expect(await storedState(stepwise)).toEqual(expected);
    const ada = expected.profiles.find((p) => p.key === "ada")!;
    // One view of shoes, one of bags: the tie goes to "bags".
    expect([ada.ordersCount, ada.ltv, ada.favouriteCategory]).toEqual([2, "150.5", "bags"]);
    // The alias between two known customers is refused, and recorded rather than lost.
    expect(await refusedOf(folded)).toEqual([{ messageId: batches[1]![4]!.messageId, field: "previousId" }]);
  });

  it("accepts a replayed messageId at capture and stores it once", async () => {
    const { workspaceId } = await createWorkspace();
    const purchase = { type: "track", userId: "c", event: "purchase", properties: { revenue: 10 }, messageId: mid() };
    expect((await captureCalls(workspaceId, [purchase]))[0]!.status).toBe("accepted");
    await foldAll();
    expect((await captureCalls(workspaceId, [purchase, purchase])).map((r) => r.status)).toEqual([
      "accepted",
      "duplicate",
    ]);
    await captureCalls(workspaceId, [purchase]);
    await foldAll();
    expect(await db.event.count({ where: { workspaceId } })).toBe(1);
    const profile = await db.profile.findFirstOrThrow({ where: { workspaceId } });
    expect([profile.ordersCount, String(profile.ltv)]).toEqual([1, "10"]);
  });

  it("folds each row once when two workers fold the same lane at once", async () => {
    const { workspaceId } = await createWorkspace();
    const lane = liveLaneOf(workspaceId);
    const calls = Array.from({ length: 120 }, (_, i) => ({
      type: "track",
      userId: `u-${i % 9}`,
      event: i % 4 === 0 ? "purchase" : "product_view",
      properties: { revenue: 1, category: ["a", "b"][i % 2] },
      timestamp: at(1 + (i % 20)),
      messageId: mid(),
    }));
    const refusals = Array.from({ length: 6 }, (_, i) => ({
      type: "alias",
      userId: "u-0",
      previousId: `u-${i + 1}`,
      messageId: mid(),
    }));
    for (let i = 0; i < calls.length; i += 20)
      await captureCalls(workspaceId, [...calls.slice(i, i + 20), refusals[i / 20]!]);
    // Nothing to fold is not the end while calls are pending: a transaction elsewhere on the server
    // (another database's too) holds the horizon back until it ends.
    const lanePending = async () => (await foldStatus()).lanes.find((l) => l.lane === lane)!.pending;
    const worker = async () => {
      let rounds = 0;
      for (;;) {
        const result = await foldLane(lane, { limit: 7 });
        if (result.folded > 0) rounds++;
        else if (!result.skipped && (await lanePending()) === 0) return rounds;
        else await new Promise((resolve) => setTimeout(resolve, 2));
      }
    };
    const rounds = await Promise.all([worker(), worker()]);
    expect(rounds[0] + rounds[1]).toBeGreaterThanOrEqual(Math.ceil(126 / 7));
    await foldAll();
    expect(await db.event.count({ where: { workspaceId } })).toBe(120);
    // A refusal folded twice would be recorded twice.
    expect((await refusedOf(workspaceId)).map((r) => r.messageId).sort()).toEqual(
      refusals.map((r) => r.messageId).sort(),
    );
    const orders = await db.profile.aggregate({ where: { workspaceId }, _sum: { ordersCount: true } });
    expect(orders._sum.ordersCount).toBe(30);
  });

  it("leaves the cursor where it was and nothing half-written when a fold fails mid-way", async () => {
    const { workspaceId } = await createWorkspace();
    const lane = liveLaneOf(workspaceId);
    await captureCalls(workspaceId, [
      { type: "identify", userId: "f", traits: { plan: "gold" }, messageId: mid() },
      { type: "track", userId: "f", event: "purchase", properties: { revenue: 5 }, messageId: mid() },
      { type: "alias", userId: "f", previousId: "g", messageId: mid() },
    ]);
    const cursor = () =>
      db.$queryRaw<{ xid: string; seq: bigint }[]>(Prisma.sql`
        SELECT "xid"::text AS "xid", "seq" FROM "tailor_intake"."cursor" WHERE "lane" = ${lane}`);
    await foldAll();
    await captureCalls(workspaceId, [
      { type: "track", userId: "f", event: "purchase", properties: { revenue: 7 }, messageId: mid() },
      { type: "alias", userId: "f", previousId: "h", messageId: mid() },
    ]);
    const before = await cursor();
    // Nothing to fold yet when another worker holds the lane, or while a transaction anywhere on the
    // server that began before the capture is still open (the horizon is the cluster's): try again.
    const failing = async () => {
      for (const started = Date.now(); Date.now() - started < 30_000;) {
        const result = await foldLane(lane, {
          beforeCommit: () => Promise.reject(new Error("the worker died mid-fold")),
        });
        if (result.folded > 0) return result;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    await expect(failing()).rejects.toThrow("the worker died mid-fold");
    expect(await cursor()).toEqual(before);
    expect(await db.event.count({ where: { workspaceId } })).toBe(3);
    expect((await db.profile.findFirstOrThrow({ where: { workspaceId, externalId: "f" } })).ordersCount).toBe(1);
    await foldAll();
    expect(await db.event.count({ where: { workspaceId } })).toBe(5);
    expect((await db.profile.findFirstOrThrow({ where: { workspaceId, externalId: "f" } })).ordersCount).toBe(2);
  });

  it.skipIf(!onPostgres)(
    "waits for a capture still open with a lower sequence, and never folds a rolled-back one (PostgreSQL only)",
    async () => {
      const { workspaceId } = await createWorkspace();
      const lane = liveLaneOf(workspaceId);
      const client = new pg.Client(connectionFields(process.env.DATABASE_URL!));
      await client.connect();
      const capture = (messageId: string) => {
        const { calls } = validateItems([{ type: "track", userId: "o", event: "app_open", messageId }]);
        const sql = captureCallsSql(workspaceId, lane, new Date(), [{ messageId, call: calls[0]! }]);
        return client.query(sql.text, sql.values);
      };
      try {
        const [slow, fast, undone] = [mid(), mid(), mid()];
        await client.query("BEGIN");
        await capture(slow);
        await captureCalls(workspaceId, [{ type: "track", userId: "o", event: "app_open", messageId: fast }]);
        await foldLaneNow(lane);
        // The later row committed, but a transaction before it is still open: the fold stops before both.
        expect(await db.event.count({ where: { workspaceId } })).toBe(0);
        expect((await foldStatus()).lanes[lane]!.pending).toBeGreaterThanOrEqual(1);
        await client.query("COMMIT");
        await foldAll();
        expect((await db.event.findMany({ where: { workspaceId } })).map((e) => e.messageId).sort()).toEqual(
          [slow, fast].sort(),
        );

        await client.query("BEGIN");
        await capture(undone);
        await client.query("ROLLBACK");
        await foldAll();
        expect(await db.event.count({ where: { workspaceId, messageId: undone } })).toBe(0);
      } finally {
        await client.end();
      }
    },
  );

  it("takes a call into a day without a partition (the default partition) and folds it", async () => {
    const { workspaceId } = await createWorkspace();
    const messageId = mid();
    const { calls } = validateItems([{ type: "track", userId: "d", event: "app_open", messageId }]);
    const farAhead = new Date(Date.now() + 400 * DAY);
    await db.$executeRaw(
      captureCallsSql(workspaceId, liveLaneOf(workspaceId), farAhead, [{ messageId, call: calls[0]! }]),
    );
    await foldAll();
    expect(await db.event.count({ where: { workspaceId, messageId } })).toBe(1);
  });

  it("sets aside a call that keeps failing its fold, keeping it, and folds the calls behind it", async () => {
    const { workspaceId } = await createWorkspace();
    // A lane of its own: the other test files' foldAll must not meet the broken call.
    const lane = 90 + Math.floor(Math.random() * 9);
    await db.$executeRaw(Prisma.sql`INSERT INTO "tailor_intake"."cursor" ("lane") VALUES (${lane})`);
    try {
      const [before, poison, after] = [mid(), mid(), mid()];
      // No id at all: capture refuses that, but a row written by a buggier version could hold it.
      const { calls } = validateItems(
        [before, poison, after].map((messageId) => ({ type: "track", userId: "p", event: "app_open", messageId })),
      );
      const rows = calls.map((call) => ({
        messageId: call.messageId,
        call: call.messageId === poison ? { ...call, userId: null, anonymousId: null } : call,
      }));
      for (const row of rows) await db.$executeRaw(captureCallsSql(workspaceId, lane, new Date(), [row]));

      const failures = new Map<number, number>();
      const setAside: string[] = [];
      const pending = async () => (await foldStatus()).lanes.find((l) => l.lane === lane)!.pending;
      for (let rounds = 0; rounds < 100 * SET_ASIDE_AFTER && (await pending()) > 0; rounds++) {
        const result = await foldLaneGuarded(lane, failures);
        if (result.setAside) setAside.push(result.setAside);
        if (result.folded === 0 && !result.error) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(setAside).toEqual([poison]);
      expect((await db.event.findMany({ where: { workspaceId } })).map((e) => e.messageId).sort()).toEqual(
        [before, after].sort(),
      );
      const [kept] = await db.$queryRaw<{ field: string; call: { messageId: string } }[]>(Prisma.sql`
        SELECT "field", "call" FROM "tailor_intake"."refused" WHERE "workspaceId" = ${workspaceId}`);
      expect(kept).toMatchObject({ field: "(item)", call: { messageId: poison } });
    } finally {
      await db.$executeRaw(Prisma.sql`DELETE FROM "tailor_intake"."cursor" WHERE "lane" = ${lane}`);
    }
  });

  it("folds in numeric xid order (xid 99 before xid 100)", async () => {
    const { workspaceId } = await createWorkspace();
    const lane = 90 + Math.floor(Math.random() * 9);
    await db.$executeRaw(Prisma.sql`INSERT INTO "tailor_intake"."cursor" ("lane") VALUES (${lane})`);
    try {
      const [first, second] = [mid(), mid()];
      const { calls } = validateItems(
        [first, second].map((messageId) => ({ type: "track", userId: "x", event: "app_open", messageId })),
      );
      // Long-ended transactions' ids, written as such: the horizon is far above them.
      for (const [xid, call] of [
        ["100", calls[1]!],
        ["99", calls[0]!],
      ] as const)
        await db.$executeRaw(Prisma.sql`
          INSERT INTO "tailor_intake"."call" ("xid", "workspaceId", "lane", "receivedAt", "messageId", "call")
          VALUES (${xid}::xid8, ${workspaceId}, ${lane}, now(), ${call.messageId}, ${JSON.stringify(call)}::jsonb)`);
      await foldLaneNow(lane, { limit: 1 });
      expect((await db.event.findMany({ where: { workspaceId } })).map((e) => e.messageId)).toEqual([first]);
      await foldLaneNow(lane, { limit: 1 });
      expect(await db.event.count({ where: { workspaceId } })).toBe(2);
    } finally {
      await db.$executeRaw(Prisma.sql`DELETE FROM "tailor_intake"."cursor" WHERE "lane" = ${lane}`);
    }
  });

  it("reports pending calls, their age and the last fold per lane and in total", async () => {
    const { workspaceId } = await createWorkspace();
    const lane = liveLaneOf(workspaceId);
    await foldAll();
    const receivedAt = new Date(Date.now() - 5_000);
    await captureCalls(workspaceId, [{ type: "track", userId: "s", event: "app_open", messageId: mid() }], {
      receivedAt,
    });
    const waiting = await foldStatus();
    expect(waiting.lanes.map((l) => l.lane)).toEqual(expect.arrayContaining([0, 1, 2, 3, 4]));
    expect(waiting.lanes[lane]!.pending).toBeGreaterThanOrEqual(1);
    expect(waiting.total.pending).toBeGreaterThanOrEqual(1);
    expect(waiting.total.lagMs).toBeGreaterThanOrEqual(4_000);
    await foldAll();
    const caughtUp = await foldStatus();
    expect(caughtUp.lanes[lane]!.lastFoldedAt).not.toBeNull();
    expect(caughtUp.lanes[lane]!.lagMs).toBeLessThan(waiting.lanes[lane]!.lagMs);
    // The event keeps the time the call arrived, not the time it was folded.
    expect((await db.event.findFirstOrThrow({ where: { workspaceId } })).receivedAt).toEqual(receivedAt);
  });
});

describe("intake retention", () => {
  it("drops a day's partition only once every cursor passed it and the replay window is over", async () => {
    const { workspaceId } = await createWorkspace();
    const now = new Date();
    const day = (offset: number) => new Date(now.getTime() - offset * DAY).toISOString().slice(0, 10);
    const partitions = async () =>
      (
        await db.$queryRaw<{ name: string }[]>(Prisma.sql`
          SELECT c.relname AS "name" FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace s ON s.oid = p.relnamespace
          WHERE s.nspname = 'tailor_intake' AND p.relname = 'call'`)
      ).map((row) => row.name);
    await ensurePartitions(new Date(now.getTime() - 10 * DAY)); // days −10 and −9
    await ensurePartitions(new Date(now.getTime() - 2 * DAY)); // days −2 and −1
    await captureCalls(workspaceId, [{ type: "track", userId: "r", event: "app_open", messageId: mid() }], {
      receivedAt: new Date(now.getTime() - 10 * DAY),
    });
    expect(await partitions()).toEqual(
      expect.arrayContaining([10, 9, 2, 1].map((offset) => partitionName(day(offset)))),
    );

    // Day −10 still holds a call no cursor has passed; day −9 is empty and past the window.
    const first = await dropFoldedPartitions(now);
    expect(first).toContain(partitionName(day(9)));
    expect(first).not.toContain(partitionName(day(10)));
    await foldAll();
    expect(await dropFoldedPartitions(now)).toContain(partitionName(day(10)));
    const left = await partitions();
    expect(left).not.toContain(partitionName(day(10)));
    // Inside the window, folded or not: kept.
    expect(left).toEqual(expect.arrayContaining([2, 1, 0].map((offset) => partitionName(day(offset)))));
    expect(left).toContain("call_default");
    expect(await db.event.count({ where: { workspaceId } })).toBe(1);
  });
});
