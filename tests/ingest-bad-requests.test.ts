import { beforeAll, describe, expect, it } from "vitest";
import * as batch from "@/app/api/v1/batch/route";
import * as single from "@/app/api/v1/[type]/route";
import { createApiKey, revokeApiKey } from "@/lib/api-keys";
import { createIngestWorkspace, ingestCounts, ingestRequest } from "./support/ingest-fixtures";

let workspaceId: string;
let key: string;
let revokedKey: string;
beforeAll(async () => {
  const created = await createIngestWorkspace();
  ({ workspaceId, key } = created);
  const revoked = await createApiKey(created.actors.admin, { name: "old" });
  await revokeApiKey(created.actors.admin, revoked.apiKey.id);
  revokedKey = revoked.key;
});

const track = (extra: Record<string, unknown> = {}) => ({ type: "track", event: "product_view", userId: "u-1", messageId: `m-${Math.random()}`, ...extra });
const inADay = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

type Case = { name: string; send: () => Promise<Response>; status: number; field: string };
const postBatch = (body: unknown, withKey: string | null = key) => batch.POST(ingestRequest("/api/v1/batch", body, withKey));
const postSingle = (type: string, body: unknown) => single.POST(ingestRequest(`/api/v1/${type}`, body, key), { params: Promise.resolve({ type }) });

const CASES: Case[] = [
  { name: "malformed JSON", send: () => postBatch("{not json"), status: 400, field: "(body)" },
  { name: "batch that is not an array", send: () => postBatch({ batch: "lots" }), status: 400, field: "batch" },
  { name: "empty batch", send: () => postBatch({ batch: [] }), status: 400, field: "batch" },
  { name: "wrong type for event", send: () => postBatch({ batch: [track({ event: 42 })] }), status: 400, field: "event" },
  { name: "wrong type for properties", send: () => postBatch({ batch: [track({ properties: "cheap" })] }), status: 400, field: "properties" },
  { name: "neither userId nor anonymousId", send: () => postBatch({ batch: [track({ userId: undefined })] }), status: 400, field: "userId" },
  { name: "unknown call type", send: () => postBatch({ batch: [track({ type: "group" })] }), status: 400, field: "type" },
  { name: "timestamp more than 24 h ahead", send: () => postBatch({ batch: [track({ timestamp: inADay(25) })] }), status: 400, field: "timestamp" },
  { name: "unparseable timestamp", send: () => postBatch({ batch: [track({ timestamp: "yesterday" })] }), status: 400, field: "timestamp" },
  { name: "a NUL character in a property", send: () => postBatch({ batch: [track({ properties: { note: "a\u0000b" } })] }), status: 400, field: "properties.note" },
  { name: "an unpaired surrogate in the event name", send: () => postBatch({ batch: [track({ event: "view\ud800" })] }), status: 400, field: "event" },
  { name: "more than 500 items", send: () => postBatch({ batch: Array.from({ length: 501 }, () => track()) }), status: 400, field: "batch" },
  { name: "a body over 512 KB", send: () => postBatch({ batch: Array.from({ length: 30 }, () => track({ properties: { blob: "x".repeat(20_000) } })) }), status: 413, field: "batch" },
  { name: "an item over 32 KB", send: () => postBatch({ batch: [track(), track({ properties: { blob: "x".repeat(40_000) } })] }), status: 413, field: "batch.1" },
  { name: "no API key", send: () => postBatch({ batch: [track()] }, null), status: 401, field: "authorization" },
  { name: "an unknown API key", send: () => postBatch({ batch: [track()] }, "tlr_doesnotexist"), status: 401, field: "authorization" },
  { name: "a revoked API key", send: () => postBatch({ batch: [track()] }, revokedKey), status: 401, field: "authorization" },
  { name: "track without an event name", send: () => postSingle("track", { userId: "u-1" }), status: 400, field: "event" },
  { name: "alias without previousId", send: () => postSingle("alias", { userId: "u-1" }), status: 400, field: "previousId" },
  { name: "a single call over 32 KB", send: () => postSingle("identify", { userId: "u-1", traits: { bio: "x".repeat(40_000) } }), status: 413, field: "(body)" },
];

describe("ingestion API refuses bad input", () => {
  for (const c of CASES) {
    it(`answers ${c.status} naming ${c.field} for ${c.name}, and writes nothing`, async () => {
      const before = await ingestCounts(workspaceId);
      const response = await c.send();
      expect(response.status).toBe(c.status);
      const body = await response.json();
      const field = body.error?.field ?? body.results?.find((r: { status: string }) => r.status === "rejected")?.field;
      expect(field).toBe(c.field);
      expect(await ingestCounts(workspaceId)).toEqual(before);
    });
  }

  it("answers 404 for an unknown single-call path", async () => {
    expect((await postSingle("group", { userId: "u-1" })).status).toBe(404);
  });
});
