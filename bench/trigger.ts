// Triggered-send latency (issue 7 target: p95 ≤ 2 s from event receipt to provider call).
//
//   DATABASE_URL=postgresql://…/tailor_send npx tsx bench/trigger.ts [--events 10000] [--rate 1000]
//
// A live campaign triggered by add_to_cart with zero delay, sent through the sandbox provider by a
// worker in its own process (as `npm run worker` runs it). --events add_to_cart events go through
// the ingestion API's handler (POST /api/v1/batch, 100 per batch, at --rate events/s), which captures
// them; the worker folds them into events and enqueues the sends. Prints p50/p95 from the event's
// receipt (Event.receivedAt: the capture) to the message's enqueue (Message.createdAt, the fold's
// transaction) and to the provider call (the outbox row).
import { parseArgs } from "node:util";
import { loadEnvironment } from "../scripts/support/env-local";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getDb } from "@/lib/db/client";
import { hasWaitingMessages } from "@/lib/delivery/waiting-messages";
import { waitForFold } from "@/lib/profiles/intake/fold-status";
import { postPaced, startFoldingWorker } from "./support/paced-batches";
import { createSendWorkspace, launchPush, percentile, publishedPush } from "./support/send-world";

loadEnvironment(false);
const { values } = parseArgs({
  options: { events: { type: "string", default: "10000" }, rate: { type: "string", default: "1000" } },
});
const events = Number(values.events);
const rate = Number(values.rate);
const db = getDb();

const { workspaceId, actor } = await createSendWorkspace(`Trigger bench ${new Date().toISOString()}`, events);
const { key } = await createApiKey(actor, { name: "bench" });
const templateId = await publishedPush(
  actor,
  "Cart push",
  { title: "Still want the {{ event.product | default: 'item' }}?", body: "It is waiting in your cart." },
  "add_to_cart",
);
const campaignId = await launchPush(actor, "Cart trigger", templateId, {
  kind: "trigger",
  trigger: { recipe: "event", event: "add_to_cart", delayMinutes: 0 },
});

const worker = await startFoldingWorker();
const ingestSeconds = await postPaced(key, events, rate, (i) => ({
  type: "track",
  userId: `user-${i}`,
  event: "add_to_cart",
  properties: { product: "Boots" },
  messageId: `cart-${i}`,
}));
// Messages are enqueued when the worker folds the calls: wait for that before waiting for the sends.
await waitForFold();
const deadline = Date.now() + 10 * 60_000;
while ((await hasWaitingMessages(workspaceId, campaignId)) && Date.now() < deadline)
  await new Promise((r) => setTimeout(r, 250));
worker.kill("SIGTERM");

const rows = await db.$queryRaw<{ enqueue: number; provider: number | null }[]>`
  SELECT extract(epoch FROM (m."createdAt" - e."receivedAt")) * 1000 AS enqueue,
    extract(epoch FROM (o."createdAt" - e."receivedAt")) * 1000 AS provider
  FROM "Message" m
  JOIN "Event" e ON e."workspaceId" = m."workspaceId" AND 'event:' || e."messageId" = m."occurrence"
  LEFT JOIN "OutboxMessage" o ON o."workspaceId" = m."workspaceId" AND o."messageId" = m."id"
  WHERE m."workspaceId" = ${workspaceId} AND m."campaignId" = ${campaignId}`;
const enqueue = rows.map((r) => Number(r.enqueue));
const provider = rows.filter((r) => r.provider !== null).map((r) => Number(r.provider));
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `trigger: ${events} add_to_cart events through the batch API in ${ingestSeconds.toFixed(1)} ` +
    `s (${Math.round(events / ingestSeconds)} events/s); ${rows.length} messages enqueued, ` +
    `${provider.length} sent. ` +
    `receipt → enqueue p50 ${s(percentile(enqueue, 50))}, p95 ${s(percentile(enqueue, 95))}; ` +
    `receipt → provider call p50 ${s(percentile(provider, 50))}, p95 ` +
    `${s(percentile(provider, 95))}`,
);
await db.$disconnect();
process.exit(0);
