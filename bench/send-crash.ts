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
import { getDb } from "@/lib/db";
import { createCampaign, launchCampaign } from "@/lib/delivery/server";
import { encryptSecrets } from "@/lib/delivery/secrets";
import { runDueCampaigns } from "@/lib/delivery/scheduler";
import { createTemplate, createTemplateSchema, publishTemplate } from "@/lib/templates/server";
import { createSendWorkspace, startSink } from "./support/send-world";

loadEnvironment(false);
const { values } = parseArgs({ options: { profiles: { type: "string", default: "100000" }, kills: { type: "string", default: "3" } } });
const profiles = Number(values.profiles);
const kills = Number(values.kills);
const db = getDb();

const workspaceId = await createSendWorkspace(`Crash test ${new Date().toISOString()}`, profiles);
const user = await db.user.create({ data: { email: `crash-${Date.now()}@bench.example`, name: "Crash test", passwordHash: "-" } });
const member = await db.member.create({ data: { workspaceId, userId: user.id, role: "admin" } });
const actor = { workspaceId, userId: user.id, memberId: member.id, workspaceName: "crash", email: user.email, name: "Crash test", role: "admin" as const, mustChangePassword: false };
const template = await createTemplate(actor, createTemplateSchema.parse({ name: "Crash push", channel: "push", content: { channel: "push", locales: { default: { title: "Hello {{ profile.first_name | default: 'you' }}", body: "Crash test." } } } }));
await publishTemplate(actor, template.id, {});
const sink = await startSink();
await db.channelProvider.create({ data: { workspaceId, channel: "push", kind: "webhook", config: { url: sink.url, timeoutMs: 10_000 }, secrets: encryptSecrets({ signingSecret: "crash-signing-secret-0123456789" }) } });
const campaign = await createCampaign(actor, { name: "Crash test", channel: "push", audience: { kind: "all" }, templateId: template.id, experimentId: null, schedule: { kind: "now" }, transactional: false, topic: null, goalEvent: "purchase", attributionHours: 72 });
await launchCampaign(actor, campaign.id);
await runDueCampaigns();
const expected = await db.message.count({ where: { workspaceId, campaignId: campaign.id } });
console.log(`crash test: ${expected} messages queued for the webhook sink`);

// A short lease, so the messages a killed worker held come back within seconds.
const workerEnv = { ...process.env, TAILOR_SEND_LEASE_MS: "5000", TAILOR_WORKER_INTERVAL_MS: "3600000" };
// One process (node --import tsx), so kill -9 hits the worker itself, not a launcher.
const startWorker = () => spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], { env: workerEnv, stdio: process.env.CRASH_VERBOSE ? "inherit" : "ignore" });
const waiting = () => db.message.count({ where: { workspaceId, campaignId: campaign.id, status: { in: ["queued", "sending"] } } });

let worker: ChildProcess = startWorker();
for (let k = 1; k <= kills; k++) {
  // Kill at a random point once it has made progress.
  const target = sink.received.size + Math.floor((expected / (kills + 2)) * (0.5 + Math.random()));
  while (sink.received.size < Math.min(target, expected - 1) && (await waiting()) > 0) await new Promise((r) => setTimeout(r, 100));
  worker.kill("SIGKILL");
  console.log(`kill -9 #${k} after ${sink.received.size} distinct messages received`);
  await new Promise((r) => setTimeout(r, 500));
  worker = startWorker();
}
const started = Date.now();
while ((await waiting()) > 0 && Date.now() - started < 30 * 60_000) await new Promise((r) => setTimeout(r, 500));
worker.kill("SIGTERM");

const ids = new Set((await db.message.findMany({ where: { workspaceId, campaignId: campaign.id }, select: { id: true } })).map((m) => m.id));
const redelivered = [...sink.received.values()].reduce((n, times) => n + times.length - 1, 0);
const missing = [...ids].filter((id) => !sink.received.has(id)).length;
const unknown = [...sink.received.keys()].filter((key) => !ids.has(key)).length;
const statuses = await db.message.groupBy({ by: ["status"], where: { workspaceId, campaignId: campaign.id }, _count: true });
console.log(
  `received ${sink.requests()} requests / expected ${expected} / distinct ${sink.received.size} / redelivered (same key) ${redelivered} / missing ${missing} / unknown keys ${unknown}; ` +
    `statuses ${statuses.map((s) => `${s.status} ${s._count}`).join(", ")}`,
);
await sink.close();
await db.$disconnect();
process.exit(missing === 0 && unknown === 0 && sink.received.size === expected ? 0 : 1);
