import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as batch from "@/app/api/v1/batch/route";
import * as single from "@/app/api/v1/[type]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { createIngestWorkspace, ingestCounts, ingestRequest } from "./support/ingest-fixtures";

let workspaceId: string;
let key: string;
let otherKey: string;
beforeAll(async () => {
  // A tiny bucket: 3 requests at once, then one every 10 s.
  vi.stubEnv("TAILOR_INGEST_RATE_LIMIT", "0.1");
  vi.stubEnv("TAILOR_INGEST_RATE_BURST", "3");
  const created = await createIngestWorkspace();
  ({ workspaceId, key } = created);
  otherKey = (await createApiKey(created.actors.admin, { name: "other" })).key;
});
afterAll(() => vi.unstubAllEnvs());

let n = 0;
const track = () => ({ type: "track", event: "product_view", userId: "u-rate", messageId: `rate-${n++}` });
const postBatch = (withKey: string) =>
  batch.POST(ingestRequest("/api/v1/batch", { batch: [track(), track()] }, withKey));

describe("ingestion rate limit per API key", () => {
  it("answers 429 with Retry-After past the key's burst, and stores nothing from that request", async () => {
    for (let i = 0; i < 3; i++) expect((await postBatch(key)).status).toBe(200);
    const before = await ingestCounts(workspaceId);
    const limited = await postBatch(key);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(10);
    expect((await limited.json()).error.code).toBe("rate_limited");
    const call = await single.POST(ingestRequest("/api/v1/track", track(), key), {
      params: Promise.resolve({ type: "track" }),
    });
    expect(call.status).toBe(429);
    expect(call.headers.get("retry-after")).not.toBeNull();
    expect(await ingestCounts(workspaceId)).toEqual(before);
  });

  it("limits each key on its own", async () => {
    expect((await postBatch(otherKey)).status).toBe(200);
  });
});
