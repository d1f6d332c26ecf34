import { deflateSync, gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import * as batch from "@/app/api/v1/batch/route";
import * as single from "@/app/api/v1/[type]/route";
import { db } from "@/lib/db/client";
import { foldAll } from "@/lib/profiles/intake/fold-lane";
import { createIngestWorkspace, ingestCounts } from "./support/ingest-fixtures";

// What Segment- and RudderStack-compatible SDKs send: gzip bodies, sometimes under a generic content type.
let workspaceId: string;
let key: string;
beforeAll(async () => {
  ({ workspaceId, key } = await createIngestWorkspace());
});

const track = (messageId: string) => ({ type: "track", event: "product_view", userId: "u-gz", messageId });
const post = (body: Uint8Array | string | ReadableStream<Uint8Array>, headers: Record<string, string>) =>
  batch.POST(
    new Request("http://localhost/api/v1/batch", {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, ...headers },
      body,
      duplex: "half",
    } as RequestInit),
  );
// Capture answers before the calls are folded into events: fold, then count.
const stored = async (messageId: string) => {
  await foldAll();
  return db.event.count({ where: { workspaceId, messageId } });
};
const json = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("compressed ingestion bodies", () => {
  it("stores a gzip batch labelled Content-Encoding: gzip under a generic content type", async () => {
    const response = await post(gzipSync(json({ batch: [track("gz-1"), track("gz-2")] })), {
      "content-encoding": "gzip",
      "content-type": "application/octet-stream",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ success: true, accepted: 2, rejected: 0 });
    expect(await stored("gz-1")).toBe(1);
    expect(await stored("gz-2")).toBe(1);
  });

  it("stores gzip bytes that arrive without a Content-Encoding header, and a deflate body", async () => {
    const sniffed = await post(gzipSync(json({ batch: [track("gz-3")] })), { "content-type": "text/plain" });
    expect(sniffed.status).toBe(200);
    const deflated = await post(deflateSync(json({ batch: [track("df-1")] })), { "content-encoding": "deflate" });
    expect(deflated.status).toBe(200);
    expect(await stored("gz-3")).toBe(1);
    expect(await stored("df-1")).toBe(1);
  });

  it("stores a single call sent gzipped", async () => {
    const response = await single.POST(
      new Request("http://localhost/api/v1/track", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-encoding": "gzip" },
        body: new Uint8Array(gzipSync(json(track("gz-single")))),
      }),
      { params: Promise.resolve({ type: "track" }) },
    );
    expect(response.status).toBe(200);
    expect(await stored("gz-single")).toBe(1);
  });

  it("refuses a gzip bomb: inflating stops at the batch limit (413 naming batch) and nothing is written", async () => {
    const before = await ingestCounts(workspaceId);
    // 64 MB of one repeated item compresses to well under the 512 KB limit.
    const item = JSON.stringify(track("bomb"));
    const bomb = gzipSync(Buffer.from(`{"batch":[${`${item},`.repeat((64 * 1024 * 1024) / item.length)}${item}]}`));
    expect(bomb.byteLength).toBeLessThan(512 * 1024);
    const started = performance.now();
    const response = await post(bomb, { "content-encoding": "gzip", "content-type": "application/json" });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { field: "batch" } });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(await ingestCounts(workspaceId)).toEqual(before);
  });

  it("refuses a body that is not what its encoding says, and an encoding it does not know, naming the field", async () => {
    const before = await ingestCounts(workspaceId);
    const corrupt = await post(json({ batch: [track("not-gz")] }), { "content-encoding": "gzip" });
    expect(corrupt.status).toBe(400);
    expect(await corrupt.json()).toMatchObject({ error: { field: "(body)" } });
    const brotli = await post(json({ batch: [track("br")] }), { "content-encoding": "br" });
    expect(brotli.status).toBe(415);
    expect(await brotli.json()).toMatchObject({ error: { field: "Content-Encoding" } });
    expect(await ingestCounts(workspaceId)).toEqual(before);
  });

  it("stops reading a body streamed without a length once it passes the limit", async () => {
    const before = await ingestCounts(workspaceId);
    let sent = 0;
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 16 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const response = await post(endless, { "content-type": "application/json" });
    expect(response.status).toBe(413);
    expect(sent).toBeLessThan(2 * 1024 * 1024);
    expect(await ingestCounts(workspaceId)).toEqual(before);
  });
});
