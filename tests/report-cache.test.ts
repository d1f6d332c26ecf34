import { describe, expect, it } from "vitest";
import { cachedReport, SLOW_MS } from "@/lib/analytics/cache";
import { ingestCalls } from "@/lib/profiles/ingest/ingest-calls";
import { createWorkspace } from "./support/fixtures";

let sequence = 0;
/** New data for the workspace: one event, so its data version moves. */
const newData = (workspaceId: string) =>
  ingestCalls(workspaceId, [
    { type: "track", userId: "cache-reader", event: "page_view", properties: {}, messageId: `cache-${sequence++}` },
  ]);

/** A report that counts its own computations and takes `ms` to compute. */
function report(ms: number) {
  let computed = 0;
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return { computed: ++computed };
  };
}

describe("report cache", () => {
  it("answers a slow report from its last result while new data is counted, says as of when, and refreshes it once in the background", async () => {
    const { workspaceId } = await createWorkspace();
    await newData(workspaceId);
    const slow = report(SLOW_MS + 100);
    const first = await cachedReport(workspaceId, "slow", {}, slow);
    expect(first).toMatchObject({ computed: 1, cache: { hit: false, refreshing: false } });

    await newData(workspaceId);
    const started = performance.now();
    const [stale, alsoStale] = await Promise.all([
      cachedReport(workspaceId, "slow", {}, slow),
      cachedReport(workspaceId, "slow", {}, slow),
    ]);
    expect(performance.now() - started).toBeLessThan(SLOW_MS);
    expect(stale).toMatchObject({
      computed: 1,
      cache: { hit: true, refreshing: true, asOf: first.cache.asOf, version: first.cache.version },
    });
    expect(alsoStale.computed).toBe(1);

    // One refresh for both readers; once it is in, the answer is of the new version.
    await new Promise((resolve) => setTimeout(resolve, SLOW_MS + 300));
    const fresh = await cachedReport(workspaceId, "slow", {}, slow);
    expect(fresh).toMatchObject({ computed: 2, cache: { hit: true, refreshing: false } });
    expect(fresh.cache.version).not.toBe(first.cache.version);
    expect(Date.parse(fresh.cache.asOf)).toBeGreaterThan(Date.parse(first.cache.asOf));

    // Too old to stand in for the new data: computed again while the reader waits.
    await newData(workspaceId);
    const later = await cachedReport(workspaceId, "slow", {}, slow, "", Date.now() + 10 * 60_000);
    expect(later).toMatchObject({ computed: 3, cache: { hit: false, refreshing: false } });
  });

  it("computes a fast report for every new version", async () => {
    const { workspaceId } = await createWorkspace();
    await newData(workspaceId);
    const fast = report(1);
    expect((await cachedReport(workspaceId, "fast", {}, fast)).computed).toBe(1);
    expect((await cachedReport(workspaceId, "fast", {}, fast)).cache.hit).toBe(true);
    await newData(workspaceId);
    expect(await cachedReport(workspaceId, "fast", {}, fast)).toMatchObject({
      computed: 2,
      cache: { hit: false, refreshing: false },
    });
  });
});
