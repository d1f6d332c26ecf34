// Journey latency (issue 23 targets: event entry → the first step's provider call p95 ≤ 2 s at
// 1,000 events/s; "wait until event" released within the same bound).
//
//   DATABASE_URL=postgresql://…/tailor_send npx tsx bench/journey-latency.ts [--events 10000] [--rate 1000]
//
// A live journey: add_to_cart enters → push "cart" → wait until checkout (timeout a day) → push
// "thanks" → exit. A worker in its own process (as `npm run worker` runs it) folds, advances the
// journey and sends through the sandbox provider. --events add_to_cart events go through the
// ingestion API's handler (100 per batch, at --rate events/s); once everyone waits, a checkout event
// per person at the same rate. Prints p50/p95 from each event's receipt (Event.receivedAt: the
// capture) to the provider call of the step it caused (the outbox row of that step's message).
import { parseArgs } from "node:util";
import { loadEnvironment } from "../scripts/support/env-local";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getDb } from "@/lib/db/client";
import { createJourney } from "@/lib/journeys/engine/create-journey";
import { publishJourney } from "@/lib/journeys/engine/publish-journey";
import { waitForFold } from "@/lib/profiles/intake/fold-status";
import { postPaced, startFoldingWorker } from "./support/paced-batches";
import { sleep } from "./support/processes";
import { createSendWorkspace, percentile, publishedPush } from "./support/send-world";

loadEnvironment(false);
const { values } = parseArgs({
  options: { events: { type: "string", default: "10000" }, rate: { type: "string", default: "1000" } },
});
const events = Number(values.events);
const rate = Number(values.rate);
const DAY = 24 * 60;
const db = getDb();

const { workspaceId, actor } = await createSendWorkspace(`Journey latency ${new Date().toISOString()}`, events);
const { key } = await createApiKey(actor, { name: "bench" });
const cart = await publishedPush(actor, "Cart push", { title: "Still in your cart", body: "Come back to it." });
const thanks = await publishedPush(actor, "Thanks push", { title: "Thank you", body: "Your order is on its way." });
const { id: journeyId } = await createJourney(actor, { name: "Latency journey" });
await publishJourney(actor, journeyId, {
  version: 1,
  nodes: [
    {
      id: "entry",
      kind: "entry",
      trigger: { type: "event", event: "add_to_cart", where: [] },
      reentry: { type: "once" },
      exits: { next: "cart" },
    },
    { id: "cart", kind: "send", templateId: cart, onSkip: "continue", exits: { next: "checkout" } },
    {
      id: "checkout",
      kind: "wait",
      wait: { type: "event", event: "checkout", where: [], timeoutMinutes: DAY },
      exits: { event: "thanks", timeout: "done" },
    },
    { id: "thanks", kind: "send", templateId: thanks, onSkip: "continue", exits: { next: "done" } },
    { id: "done", kind: "exit", exits: {} },
  ],
});

const worker = await startFoldingWorker();

/** One `event` per person through the batch API at `rate`; seconds taken. */
const sendAll = (event: string) =>
  postPaced(key, events, rate, (i) => ({ type: "track", userId: `user-${i}`, event, messageId: `${event}-${i}` }));

/** Waits until `count` of the journey's steps at `nodeId` have their message handed to the provider. */
async function waitForProviderCalls(nodeId: string, count: number) {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "JourneyStep" s
      JOIN "OutboxMessage" o ON o."workspaceId" = s."workspaceId" AND o."messageId" = s."messageId"
      WHERE s."workspaceId" = ${workspaceId} AND s."nodeId" = ${nodeId}`;
    if (row!.n >= count || Date.now() > deadline) return row!.n;
    await sleep(250);
  }
}

/** Receipt of each person's `event` → the provider call of the message their step at `nodeId` sent. */
async function latencies(event: string, nodeId: string): Promise<number[]> {
  const rows = await db.$queryRaw<{ ms: number }[]>`
    SELECT extract(epoch FROM (o."createdAt" - e."receivedAt")) * 1000 AS ms
    FROM "JourneyStep" s
    JOIN "JourneyEntry" j ON j."workspaceId" = s."workspaceId" AND j."id" = s."entryId"
    JOIN "OutboxMessage" o ON o."workspaceId" = s."workspaceId" AND o."messageId" = s."messageId"
    JOIN "Event" e ON e."workspaceId" = j."workspaceId" AND e."profileId" = j."profileId" AND e."name" = ${event}
    WHERE s."workspaceId" = ${workspaceId} AND s."nodeId" = ${nodeId} AND j."journeyId" = ${journeyId}`;
  return rows.map((r) => Number(r.ms));
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const report = (label: string, seconds: number, sent: number, ms: number[]) =>
  console.log(
    `${label}: ${events} events in ${seconds.toFixed(1)} s (${Math.round(events / seconds)} events/s); ` +
      `${sent} provider calls; receipt → provider call p50 ${s(percentile(ms, 50))}, ` +
      `p95 ${s(percentile(ms, 95))}, max ${s(Math.max(...ms))}`,
  );

try {
  const enterSeconds = await sendAll("add_to_cart");
  await waitForFold();
  report(
    "entry → first send",
    enterSeconds,
    await waitForProviderCalls("cart", events),
    await latencies("add_to_cart", "cart"),
  );
  // Everyone waits for checkout once the cart step ran: then release them.
  const releaseSeconds = await sendAll("checkout");
  await waitForFold();
  report(
    "wait released → next send",
    releaseSeconds,
    await waitForProviderCalls("thanks", events),
    await latencies("checkout", "thanks"),
  );
} finally {
  worker.kill("SIGTERM");
  await db.$disconnect();
}
process.exit(0);
