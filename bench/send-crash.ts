// Crash test of the send queue (issue 7): while a campaign of --profiles messages (default 100,000)
// sends to a local webhook sink, `kill -9` the worker three times and start it again.
//
//   DATABASE_URL=postgresql://…/tailor_send npx tsx bench/send-crash.ts [--profiles 100000] [--kills 3]
//
// Prints received / expected / distinct / redelivered / missing. Delivery is at least once with
// a stable Idempotency-Key (the Message id): a request the sink answered but the killed worker
// never heard back about is sent again with the same key, which receivers deduplicate on (the
// webhook contract, docs/delivery-providers.md). "missing" must be 0, "distinct" must equal
// "expected", and no message may arrive under two different keys.
import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { loadEnvironment } from "../scripts/support/env-local";
import { getDb } from "@/lib/db/client";
import { runDueCampaigns } from "@/lib/delivery/scheduler";
import { hasWaitingMessages } from "@/lib/delivery/waiting-messages";
import { createSendWorkspace, launchPush, publishedPush, pushToWebhook, startSink } from "./support/send-world";

loadEnvironment(false);
const { values } = parseArgs({
  options: { profiles: { type: "string", default: "100000" }, kills: { type: "string", default: "3" } },
});
const profiles = Number(values.profiles);
const kills = Number(values.kills);
const db = getDb();

const { workspaceId, actor } = await createSendWorkspace(`Crash test ${new Date().toISOString()}`, profiles);
const templateId = await publishedPush(actor, "Crash push", {
  title: "Hello {{ profile.first_name | default: 'you' }}",
  body: "Crash test.",
});
const sink = await startSink();
await pushToWebhook(workspaceId, sink.url);
const campaignId = await launchPush(actor, "Crash test", templateId);
await runDueCampaigns();
const expected = await db.message.count({ where: { workspaceId, campaignId } });
console.log(`crash test: ${expected} messages queued for the webhook sink`);

// A short lease, so the messages a killed worker held come back within seconds.
const workerEnv = { ...process.env, TAILOR_SEND_LEASE_MS: "5000", TAILOR_WORKER_INTERVAL_MS: "3600000" };
// One process (node --import tsx), so kill -9 hits the worker itself, not a launcher.
const startWorker = () =>
  spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: workerEnv,
    stdio: process.env.CRASH_VERBOSE ? "inherit" : "ignore",
  });
const waiting = () => hasWaitingMessages(workspaceId, campaignId);

let worker: ChildProcess = startWorker();
for (let k = 1; k <= kills; k++) {
  // Kill at a random point once it has made progress.
  const target = sink.received.size + Math.floor((expected / (kills + 2)) * (0.5 + Math.random()));
  while (sink.received.size < Math.min(target, expected - 1) && (await waiting()))
    await new Promise((r) => setTimeout(r, 100));
  worker.kill("SIGKILL");
  console.log(`kill -9 #${k} after ${sink.received.size} distinct messages received`);
  await new Promise((r) => setTimeout(r, 500));
  worker = startWorker();
}
const started = Date.now();
while ((await waiting()) && Date.now() - started < 30 * 60_000) await new Promise((r) => setTimeout(r, 500));
worker.kill("SIGTERM");

const ids = new Set(
  (await db.message.findMany({ where: { workspaceId, campaignId }, select: { id: true } })).map((m) => m.id),
);
const redelivered = [...sink.received.values()].reduce((n, times) => n + times.length - 1, 0);
const missing = [...ids].filter((id) => !sink.received.has(id)).length;
const unknown = [...sink.received.keys()].filter((key) => !ids.has(key)).length;
const statuses = await db.message.groupBy({ by: ["status"], where: { workspaceId, campaignId }, _count: true });
console.log(
  `received ${sink.requests()} requests / expected ${expected} / distinct ` +
    `${sink.received.size} / redelivered (same key) ${redelivered} / missing ${missing} / ` +
    `unknown keys ${unknown}; ` +
    `statuses ${statuses.map((s) => `${s.status} ${s._count}`).join(", ")}`,
);
await sink.close();
await db.$disconnect();
process.exit(missing === 0 && unknown === 0 && sink.received.size === expected ? 0 : 1);
