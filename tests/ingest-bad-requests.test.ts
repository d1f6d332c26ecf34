import { beforeAll, describe, expect, it } from "vitest";
import * as batch from "@/app/api/v1/batch/route";
import * as single from "@/app/api/v1/[type]/route";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { foldAll } from "@/lib/profiles/intake/fold-lane";
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

const track = (extra: Record<string, unknown> = {}) => ({
  type: "track",
  event: "product_view",
  userId: "u-1",
  messageId: `m-${Math.random()}`,
  ...extra,
});
const inADay = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

type Case = { name: string; send: () => Promise<Response>; status: number; field: string };
const postBatch = (body: unknown, withKey: string | null = key) =>
  batch.POST(ingestRequest("/api/v1/batch", body, withKey));
const postSingle = (type: string, body: unknown) =>
  single.POST(ingestRequest(`/api/v1/${type}`, body, key), { params: Promise.resolve({ type }) });

const CASES: Case[] = [
  { name: "malformed JSON", send: () => postBatch("{not json"), status: 400, field: "(body)" },
  { name: "batch that is not an array", send: () => postBatch({ batch: "lots" }), status: 400, field: "batch" },
  { name: "empty batch", send: () => postBatch({ batch: [] }), status: 400, field: "batch" },
  {
    name: "wrong type for event",
    send: () => postBatch({ batch: [track({ event: 42 })] }),
    status: 400,
    field: "event",
  },
  {
    name: "wrong type for properties",
    send: () => postBatch({ batch: [track({ properties: "cheap" })] }),
    status: 400,
    field: "properties",
  },
  {
    name: "neither userId nor anonymousId",
    send: () => postBatch({ batch: [track({ userId: undefined })] }),
    status: 400,
    field: "userId",
  },
  {
    name: "unknown call type",
    send: () => postBatch({ batch: [track({ type: "group" })] }),
    status: 400,
    field: "type",
  },
  {
    name: "timestamp more than 24 h ahead",
    send: () => postBatch({ batch: [track({ timestamp: inADay(25) })] }),
    status: 400,
    field: "timestamp",
  },
  {
    name: "unparseable timestamp",
    send: () => postBatch({ batch: [track({ timestamp: "yesterday" })] }),
    status: 400,
    field: "timestamp",
  },
  {
    name: "a NUL character in a property",
    send: () => postBatch({ batch: [track({ properties: { note: "a\u0000b" } })] }),
    status: 400,
    field: "properties.note",
  },
  {
    name: "an unpaired surrogate in the event name",
    send: () => postBatch({ batch: [track({ event: "view\ud800" })] }),
    status: 400,
    field: "event",
  },
  {
    name: "more than 500 items",
    send: () => postBatch({ batch: Array.from({ length: 501 }, () => track()) }),
    status: 400,
    field: "batch",
  },
  {
    name: "a body over 512 KB",
    send: () =>
      postBatch({ batch: Array.from({ length: 30 }, () => track({ properties: { blob: "x".repeat(20_000) } })) }),
    status: 413,
    field: "batch",
  },
  {
    name: "an item over 32 KB",
    send: () => postBatch({ batch: [track(), track({ properties: { blob: "x".repeat(40_000) } })] }),
    status: 413,
    field: "batch.1",
  },
  { name: "no API key", send: () => postBatch({ batch: [track()] }, null), status: 401, field: "authorization" },
  {
    name: "an unknown API key",
    send: () => postBatch({ batch: [track()] }, "tlr_doesnotexist"),
    status: 401,
    field: "authorization",
  },
  {
    name: "a revoked API key",
    send: () => postBatch({ batch: [track()] }, revokedKey),
    status: 401,
    field: "authorization",
  },
  {
    name: "track without an event name",
    send: () => postSingle("track", { userId: "u-1" }),
    status: 400,
    field: "event",
  },
  {
    name: "alias without previousId",
    send: () => postSingle("alias", { userId: "u-1" }),
    status: 400,
    field: "previousId",
  },
  {
    name: "a single call over 32 KB",
    send: () => postSingle("identify", { userId: "u-1", traits: { bio: "x".repeat(40_000) } }),
    status: 413,
    field: "(body)",
  },
];

describe("ingestion API refuses bad input", () => {
  for (const c of CASES) {
    it(`answers ${c.status} naming ${c.field} for ${c.name}, and writes nothing`, async () => {
      await foldAll();
      const before = await ingestCounts(workspaceId);
      const response = await c.send();
      expect(response.status).toBe(c.status);
      const body = await response.json();
      const field = body.error?.field ?? body.results?.find((r: { status: string }) => r.status === "rejected")?.field;
      expect(field).toBe(c.field);
      // Nothing captured either: folding stores nothing.
      await foldAll();
      expect(await ingestCounts(workspaceId)).toEqual(before);
    });
  }

  it("answers 404 for an unknown single-call path", async () => {
    expect((await postSingle("group", { userId: "u-1" })).status).toBe(404);
  });
});

const nested = (depth: number) => {
  let value: Record<string, unknown> = { leaf: 1 };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

// A batch is what SDKs retry: one item the database or the parser cannot take must be refused on
// its own, or the good items of the batch are lost (and a 5xx is retried forever).
const HOSTILE: { name: string; item: Record<string, unknown>; field: string }[] = [
  {
    name: "a sentAt in year 9999 (skew overflows the timestamp range)",
    item: track({ timestamp: "2026-12-06T00:00:00Z", sentAt: "9999-12-31T00:00:00Z" }),
    field: "sentAt",
  },
  {
    name: "a timestamp in year 0001",
    item: track({ timestamp: "0001-01-01T00:00:00Z", sentAt: new Date().toISOString() }),
    field: "timestamp",
  },
  { name: "properties nested 5,000 deep", item: track({ properties: "DEEP" }), field: "properties" },
  {
    name: "traits nested 40 deep",
    item: { type: "identify", userId: "u-1", messageId: `m-${Math.random()}`, traits: nested(40) },
    field: "traits",
  },
];

describe("one bad item in a batch is refused alone", () => {
  for (const c of HOSTILE) {
    it(`stores the good item and rejects ${c.name}, naming ${c.field}`, async () => {
      await foldAll();
      const before = await ingestCounts(workspaceId);
      const good = track({ userId: `u-good-${Math.random()}` });
      // JSON.stringify itself overflows the stack at 5,000 levels: the deep value is spliced in as text.
      const deep = `${'{"a":'.repeat(5_000)}1${"}".repeat(5_000)}`;
      const response = await postBatch(JSON.stringify({ batch: [good, c.item] }).replace('"DEEP"', deep));
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.results[0]).toMatchObject({ status: "accepted", messageId: good.messageId });
      expect(body.results[1]).toMatchObject({ status: "rejected", field: c.field });
      await foldAll();
      expect((await ingestCounts(workspaceId)).events).toBe(before.events + 1);
    });
  }

  it("accepts properties nested 32 deep", async () => {
    const response = await postBatch({ batch: [track({ properties: nested(31) })] });
    expect(response.status).toBe(200);
    expect((await response.json()).results[0].status).toBe("accepted");
  });
});
