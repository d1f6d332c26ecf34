import pg from "pg";
import { describe, expect, it } from "vitest";
import { connectionFields } from "@/lib/db/database-url";
import { captureCalls } from "@/lib/profiles/intake/capture-calls";
import { dataAsOf } from "@/lib/profiles/intake/data-as-of";
import { foldAll } from "@/lib/profiles/intake/fold-lane";
import { ingestHealth } from "@/lib/profiles/intake/ingest-health";
import { liveLaneOf } from "@/lib/profiles/intake/lanes";
import { createWorkspace } from "./support/fixtures";

// PGlite serves one session at a time: a transaction cannot stay open beside the health query there.
const onPostgres = Boolean(process.env.TEST_SERVER_DATABASE_URL);
let n = 0;
const call = (userId: string) => ({ type: "track", userId, event: "app_open", messageId: `asof-${Date.now()}-${n++}` });

/** A fresh workspace folded by the same live lane as `workspaceId`: its calls sit in the same lane. */
async function neighbourOf(workspaceId: string) {
  for (;;) {
    const other = await createWorkspace();
    if (liveLaneOf(other.workspaceId) === liveLaneOf(workspaceId)) return other.workspaceId;
  }
}

describe("data as of", () => {
  it("is now, with no lag, when the workspace's calls are folded", async () => {
    const { workspaceId } = await createWorkspace();
    await captureCalls(workspaceId, [call("a")]);
    await foldAll();
    const now = new Date();
    expect(await dataAsOf(workspaceId, now)).toEqual({ asOf: now, lagMs: 0, pending: 0, oldestPendingAt: null });
  });

  it("is the oldest pending arrival, live and import lane, counting no other workspace's calls", async () => {
    const { workspaceId } = await createWorkspace();
    const neighbour = await neighbourOf(workspaceId);
    await foldAll();
    const now = new Date();
    const oldest = new Date(now.getTime() - 8_000);
    await captureCalls(workspaceId, [call("a"), call("b")], { receivedAt: new Date(now.getTime() - 3_000) });
    await captureCalls(workspaceId, [call("c")], { receivedAt: oldest, lane: "import" });
    await captureCalls(neighbour, [call("x"), call("y"), call("z")], { receivedAt: new Date(now.getTime() - 60_000) });
    await captureCalls(neighbour, [call("w")], { receivedAt: new Date(now.getTime() - 60_000), lane: "import" });

    expect(await dataAsOf(workspaceId, now)).toEqual({
      asOf: oldest,
      lagMs: 8_000,
      pending: 3,
      oldestPendingAt: oldest,
    });
    expect((await dataAsOf(neighbour, now)).pending).toBe(4);
    await foldAll();
    expect((await dataAsOf(workspaceId, now)).pending).toBe(0);
    expect((await dataAsOf(neighbour, now)).lagMs).toBe(0);
  });
});

describe("ingest health", () => {
  it("shows the lanes and this workspace's refused calls only", async () => {
    const { workspaceId } = await createWorkspace();
    const other = await createWorkspace();
    await foldAll();
    // An alias between two known customers is refused at fold time, naming the field.
    for (const ws of [workspaceId, other.workspaceId]) {
      await captureCalls(ws, [
        { type: "identify", userId: "u1", messageId: `asof-${ws}-1` },
        { type: "identify", userId: "u2", messageId: `asof-${ws}-2` },
      ]);
      await captureCalls(ws, [{ type: "alias", userId: "u1", previousId: "u2", messageId: `asof-${ws}-3` }]);
    }
    await foldAll();
    const health = await ingestHealth(workspaceId, { minAgeMs: 0 });
    expect(health.fold.lanes.map((lane) => lane.lane)).toEqual(expect.arrayContaining([0, 1, 2, 3, 4]));
    expect(health.refused).toEqual([
      expect.objectContaining({ messageId: `asof-${workspaceId}-3`, field: "previousId" }),
    ]);
    expect(health.refused[0]!.reason).toEqual(expect.any(String));
    if (!onPostgres) expect(health.openTransactions === null || Array.isArray(health.openTransactions)).toBe(true);
  });

  it.runIf(onPostgres)("names an open transaction holding the fold back, with its query", async () => {
    const { workspaceId } = await createWorkspace();
    const client = new pg.Client(connectionFields(process.env.DATABASE_URL!));
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_current_xact_id() /* asof-holder */");
      const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;
      const health = await ingestHealth(workspaceId, { minAgeMs: 0 });
      const holder = health.openTransactions!.find((t) => t.pid === pid);
      expect(holder).toEqual(expect.objectContaining({ state: "idle in transaction", backendXid: expect.any(String) }));
      expect(holder!.query!.length).toBeLessThanOrEqual(120);
      expect(holder!.ageMs).toBeGreaterThanOrEqual(0);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
