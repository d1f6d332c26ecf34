// Send throughput (issue 7 target: ≥ 2,000 messages/s per worker on the sandbox provider).
//
//   DATABASE_URL=postgresql://…/tailor_send npx tsx bench/send.ts [--profiles 200000]
//
// One run, one worker (this process): a push campaign to every profile of a bench workspace
// through the sandbox provider, then the same through the webhook provider to a local HTTP sink.
// Prints messages/s (first provider call → last) and p50/p95 latency from enqueue (Message
// createdAt) to the provider call (the outbox row / the sink receiving it).
import { parseArgs } from "node:util";
import { loadEnvironment } from "../scripts/support/env-local";
import { getDb } from "@/lib/db/client";
import { invalidateProviderCache } from "@/lib/delivery/providers/provider-for";
import { runDueCampaigns } from "@/lib/delivery/scheduler";
import { LANES, sendBatches } from "@/lib/delivery/worker/delivery-round";
import { sendExperiments } from "@/lib/experiments/send-experiments";
import {
  createSendWorkspace,
  launchPush,
  percentile,
  publishedPush,
  pushToWebhook,
  startSink,
} from "./support/send-world";

// The app key signs tracked links and encrypts the webhook secret, as in the app.
loadEnvironment(false);
const { values } = parseArgs({ options: { profiles: { type: "string", default: "200000" } } });
const profiles = Number(values.profiles);
const db = getDb();

const { workspaceId, actor } = await createSendWorkspace(`Send bench ${new Date().toISOString()}`, profiles);
const templateId = await publishedPush(actor, "Bench push", {
  title: "Hi {{ profile.first_name | default: 'there' }}",
  body: "New arrivals are in.",
  url: "https://shop.example/new",
});

async function run(label: string) {
  const campaignId = await launchPush(actor, label, templateId);
  const enqueueStart = performance.now();
  await runDueCampaigns();
  const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
  const start = performance.now();
  const sent = await sendBatches(1_000_000, sendExperiments);
  const seconds = (performance.now() - start) / 1000;
  const delivered = await db.message.count({ where: { workspaceId, campaignId, status: "delivered" } });
  return { campaignId, enqueueSeconds, seconds, sent, delivered };
}

function report(label: string, r: Awaited<ReturnType<typeof run>>, latencies: number[], extra = "") {
  console.log(
    `${label}: ${r.delivered}/${profiles} delivered in ${r.seconds.toFixed(1)} s = ` +
      `${Math.round(r.delivered / r.seconds)} messages/s per worker (${LANES} lanes) ` +
      `(enqueue of the audience ${r.enqueueSeconds.toFixed(1)} s); enqueue → provider call p50 ` +
      `${(percentile(latencies, 50) / 1000).toFixed(1)} s, ` +
      `p95 ${(percentile(latencies, 95) / 1000).toFixed(1)} s${extra}`,
  );
}

// 1. Sandbox: the rendered message lands in the outbox.
const sandbox = await run("sandbox");
const outbox = await db.$queryRaw<{ ms: number }[]>`
  SELECT extract(epoch FROM (o."createdAt" - m."createdAt")) * 1000 AS ms
  FROM "OutboxMessage" o JOIN "Message" m ON m."workspaceId" = o."workspaceId" AND m."id" = o."messageId"
  WHERE o."workspaceId" = ${workspaceId} AND o."campaignId" = ${sandbox.campaignId}`;
report(
  "sandbox",
  sandbox,
  outbox.map((r) => Number(r.ms)),
);

// 2. Webhook to a local sink, signed.
const sink = await startSink();
await pushToWebhook(workspaceId, sink.url);
// This process built the sandbox provider for the channel a moment ago: forget it.
invalidateProviderCache(workspaceId);
const webhook = await run("webhook");
const created = new Map(
  (
    await db.message.findMany({
      where: { workspaceId, campaignId: webhook.campaignId },
      select: { id: true, createdAt: true },
    })
  ).map((m) => [m.id, m.createdAt.getTime()]),
);
const latencies = [...created].flatMap(([id, at]) => (sink.received.get(id) ?? []).slice(0, 1).map((t) => t - at));
const duplicates = [...sink.received.values()].reduce((n, times) => n + times.length - 1, 0);
report(
  "webhook",
  webhook,
  latencies,
  `; sink received ${sink.requests()} requests, ${sink.received.size} distinct, ${duplicates} duplicates`,
);
await sink.close();
await db.$disconnect();
process.exit(0);
