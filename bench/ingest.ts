// Ingestion on the 1M-profile seed, in one run beside raw COPY of the same events into "Event":
//   capture-only   HTTP /api/v1/batch (4 clients × 500-event batches) with no worker folding:
//                  validate + append + answer (goal ≥ 100 % of COPY: bursts absorbed at COPY speed)
//   fold-only      one worker (`npm run worker`) folding that backlog into events, rollups and traits
//   sustained      the clients paced at --share of the COPY rate for --seconds while the worker folds:
//                  the lag (now − the oldest unfolded call, what Settings › Ingestion shows) sampled
//                  twice a second (goal: share ≥ 40 % with lag p95 ≤ 5 s)
//   npm run build
//   DATABASE_URL=postgresql://…/tailor_bench npx tsx bench/ingest.ts [--events 100000] [--per-user 1]
//     [--share 0.4] [--seconds 60]
// Starts its own production server (next start, no worker) and worker on free ports; nothing else
// may fold this database meanwhile. Logs in reports/ingest-<run>.log.
import { randomUUID } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db, getDb } from "@/lib/db/client";
import { foldAll } from "@/lib/profiles/intake/fold-lane";
import { foldStatus, waitForFold } from "@/lib/profiles/intake/fold-status";
import { percentile } from "./support/send-world";
import {
  ensureBuild,
  freePort,
  ROOT,
  sleep,
  startNext,
  startWorker,
  stopGroup,
  waitForOutput,
  waitUntilServing,
} from "./support/processes";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "100000" },
    "per-user": { type: "string", default: "1" },
    share: { type: "string", default: "0.4" },
    seconds: { type: "string", default: "60" },
  },
});
const total = Number(values.events);
// Events per user within a batch: 1 (default) is a server-side source mixing 500 customers per batch,
// the worst case for the rollups and computed traits (every event its own rows); a client SDK
// flushes one device's events, many per user.
const PER_USER = Number(values["per-user"]);
const SHARE = Number(values.share);
const SECONDS = Number(values.seconds);
const BATCH = 500;
const CLIENTS = 4;
const USERS = 20_000;
const NAMES = ["page_view", "product_view", "add_to_cart", "search", "app_open", "purchase"];
const run = randomUUID().slice(0, 8);
const rate = (events: number, seconds: number) => Math.round(events / seconds).toLocaleString("en");
const share = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} % of COPY`;

const workspace = await db.workspace.findFirstOrThrow({ where: { isDemo: true } });
const admin = await db.member.findFirstOrThrow({
  where: { workspaceId: workspace.id, role: "admin" },
  include: { user: true },
});
const { key } = await createApiKey(
  {
    userId: admin.userId,
    memberId: admin.id,
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    email: admin.user.email,
    name: admin.user.name,
    role: admin.role,
    mustChangePassword: false,
  },
  { name: `bench ${run}` },
);

// The i-th event's customer: PER_USER consecutive events of a batch share one, batches move on through USERS.
const userIndex = (i: number) =>
  (Math.floor(i / BATCH) * Math.ceil(BATCH / PER_USER) + Math.floor((i % BATCH) / PER_USER)) % USERS;

function event(i: number, prefix: string, users = `bench-user-${run}`) {
  const name = NAMES[i % NAMES.length]!;
  return {
    type: "track",
    userId: `${users}-${userIndex(i)}`,
    event: name,
    properties:
      name === "purchase"
        ? { revenue: (i % 90) + 10, category: "shoes" }
        : { category: ["shoes", "bags", "hats"][i % 3] },
    timestamp: new Date(Date.now() - (i % 86_400) * 1000).toISOString(),
    messageId: `${prefix}-${i}`,
  };
}

// --- COPY: the same kind of events straight into Event (no identity, rollups or traits), first.
const profileIds = (
  await db.profile.findMany({ where: { workspaceId: workspace.id }, select: { id: true }, take: USERS })
).map((p) => p.id);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const escape = (value: string) => value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
// Rows and request bodies are made before their phase's clock starts, so each phase times the
// database or the server, not this process making its load (it shares the machine's two cores).
const copyText = Array.from({ length: total }, (_, i) => {
  const e = event(i, `bench-copy-${run}`);
  const columns = [workspace.id, profileIds[i % profileIds.length], e.event, e.timestamp, e.messageId];
  return `${columns.join("\t")}\t${escape(JSON.stringify(e.properties))}\n`;
});
const copyStarted = performance.now();
await pipeline(
  Readable.from(copyText),
  client.query(
    copyFrom(`COPY "Event" ("workspaceId", "profileId", "name", "occurredAt", "messageId", "properties") FROM STDIN`),
  ),
);
const copySeconds = (performance.now() - copyStarted) / 1000;
const copyRate = total / copySeconds;
await client.end();
console.log(
  `COPY:           ${rate(total, copySeconds)} events/s (${total.toLocaleString("en")} in ${copySeconds.toFixed(1)} s)`,
);

// --- the server, without a worker: capture only.
await ensureBuild();
mkdirSync(path.join(ROOT, "reports"), { recursive: true });
const log = createWriteStream(path.join(ROOT, "reports", `ingest-${run}.log`));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PORT: String(port) };
env.NEXTAUTH_SECRET ??= randomUUID();
env.NEXTAUTH_URL ??= base;
const server = startNext(port, env, log);
let worker: ReturnType<typeof startWorker> | null = null;

/** Each batch of `count` events as the body of one request. */
const bodies = (count: number, prefix: string, users?: string) =>
  Array.from({ length: Math.ceil(count / BATCH) }, (_, b) =>
    JSON.stringify({
      batch: Array.from({ length: Math.min(BATCH, count - b * BATCH) }, (_, k) => event(b * BATCH + k, prefix, users)),
    }),
  );

async function send(body: string): Promise<number> {
  const response = await fetch(`${base}/api/v1/batch`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body,
  });
  if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${await response.text()}`);
  const result = (await response.json()) as { accepted: number; results: { status: string; reason?: string }[] };
  const other = result.results.find((r) => r.status !== "accepted");
  if (other) console.error(`not accepted: ${JSON.stringify(other)}`);
  return result.accepted;
}

/** Every batch, each client taking the next until all are sent; seconds taken. */
async function closedLoop(batches: string[]): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < batches.length) await send(batches[next++]!);
    }),
  );
  return (performance.now() - started) / 1000;
}

try {
  await waitUntilServing(base);
  // Warm-up, untimed: the server compiles its hot paths on the first requests; other users.
  await closedLoop(bodies(2 * CLIENTS * BATCH, `warm-${run}`, `warm-${run}`));
  await foldAll();

  const captureSeconds = await closedLoop(bodies(total, `bench-capture-${run}`));
  console.log(
    `capture-only:   ${rate(total, captureSeconds)} events/s (${captureSeconds.toFixed(1)} s) — ` +
      share(total / captureSeconds, copyRate),
  );

  worker = startWorker(env, log);
  await waitForOutput(worker, "worker: delivery every");
  const foldStarted = performance.now();
  await waitForFold(600_000, 50);
  const foldSeconds = (performance.now() - foldStarted) / 1000;
  console.log(
    `fold-only:      ${rate(total, foldSeconds)} events/s (${foldSeconds.toFixed(1)} s, one worker) — ` +
      share(total / foldSeconds, copyRate),
  );

  // --- sustained: open loop at the target rate (a batch every BATCH / target s), lag sampled.
  const target = SHARE * copyRate;
  const batches = Math.floor((target * SECONDS) / BATCH);
  const sustainedBodies = bodies(batches * BATCH, `bench-sustained-${run}`);
  const lags: number[] = [];
  let pendingMax = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { total: status } = await foldStatus();
      lags.push(status.lagMs);
      pendingMax = Math.max(pendingMax, status.pending);
      await sleep(500);
    }
  })();
  const inFlight = new Set<Promise<unknown>>();
  let backlogged = 0;
  const started = performance.now();
  for (let k = 0; k < batches; k++) {
    const due = started + (k * BATCH * 1000) / target;
    if (due > performance.now()) await sleep(due - performance.now());
    if (inFlight.size >= 4 * CLIENTS) {
      backlogged++;
      await Promise.race(inFlight);
    }
    const request = send(sustainedBodies[k]!);
    inFlight.add(request);
    void request.finally(() => inFlight.delete(request));
  }
  await Promise.all(inFlight);
  const offeredSeconds = (performance.now() - started) / 1000;
  const drainMs = await waitForFold(600_000, 50);
  sampling = false;
  await sampler;
  const sustainedSeconds = offeredSeconds + drainMs / 1000;
  const sustained = batches * BATCH;
  console.log(
    `sustained:      ${rate(sustained, sustainedSeconds)} events/s captured and folded ` +
      `(${sustained.toLocaleString("en")} in ${offeredSeconds.toFixed(1)} s at a target of ${rate(target, 1)}/s, ` +
      `folded ${(drainMs / 1000).toFixed(1)} s after the last answer) — ${share(sustained / sustainedSeconds, copyRate)}`,
  );
  console.log(
    `  lag:          p50 ${(percentile(lags, 50) / 1000).toFixed(1)} s, p95 ${(percentile(lags, 95) / 1000).toFixed(1)} s, ` +
      `max ${(Math.max(...lags) / 1000).toFixed(1)} s over ${lags.length} samples; at most ` +
      `${pendingMax.toLocaleString("en")} calls pending; ${backlogged} batch(es) waited for a free client`,
  );
  console.log(
    `events: ${total.toLocaleString("en")} per phase, ${CLIENTS} clients × ${BATCH}-event batches, ${PER_USER} per user per batch`,
  );
} finally {
  await stopGroup(worker);
  await stopGroup(server);
  log.end();
  await getDb().$disconnect();
}
process.exit(0);
