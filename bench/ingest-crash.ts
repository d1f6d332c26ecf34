// Crash test: loads events through /api/v1/batch against a production server, kill -9s the server
// three times during the load and restarts it; the clients retry failed batches with the same messageIds.
// The server's worker (started by `npm start`, killed with it) folds the captured calls. Afterwards —
// once the worker has folded everything — every messageId sent must be stored exactly once, and the
// rollups, activity, computed traits and counters must equal a recomputation from the stored events
// (a fold round is one transaction).
//   npm run build        (once; the script builds if .next is missing)
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/ingest-crash.ts [events=200000] [--keep]
// DATABASE_URL names the PostgreSQL server only: the script creates tailor_crash_<id> on it, runs the
// server (`scripts/run.ts start`) against that, and drops it at the end (--keep leaves it).
// Prints sent / stored / duplicates / lost; exits 1 unless lost = 0 and duplicates = 0.
import { type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { connectionFields, isPglite } from "@/lib/db/database-url";
import { runChild, TSX } from "../scripts/support/run-child";
import {
  ensureBuild,
  freePort,
  kill9,
  ROOT,
  sleep,
  startGroup,
  stopGroup,
  waitUntilServing,
} from "./support/processes";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { keep: { type: "boolean", default: false } },
});
const total = Number(positionals[0] ?? 200_000);
const BATCH = 500;
const CLIENTS = 4;
const USERS = 20_000;
const KILLS_AT = [0.25, 0.5, 0.75]; // fractions of batches acknowledged
const NAMES = ["page_view", "product_view", "add_to_cart", "search", "app_open", "purchase"];

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl?.startsWith("postgres") || (await isPglite(serverUrl))) {
  console.error(
    "Set DATABASE_URL to a PostgreSQL server (e.g. " +
      "postgresql://postgres@127.0.0.1:5432/postgres): the crash test needs server mode.",
  );
  process.exit(2);
}
process.env.NEXT_TELEMETRY_DISABLED = "1";
const run = randomBytes(4).toString("hex");
const database = `tailor_crash_${run}`;
const crashUrl = new URL(serverUrl);
crashUrl.pathname = `/${database}`;

async function onServer(sql: string) {
  const client = new pg.Client(connectionFields(serverUrl!));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

// --- the server: `npm start` (scripts/run.ts start) in its own process group, so kill -9 takes
// run.ts and its Next.js child down together, as a crashed machine or container would.
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
mkdirSync(path.join(ROOT, "reports"), { recursive: true });
const logPath = path.join(ROOT, "reports", `ingest-crash-${run}.log`);
const log = createWriteStream(logPath);
const serverEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: crashUrl.toString(),
  PORT: String(port),
  NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
};
delete serverEnv.TAILOR_SEED_DEMO;
let server: ChildProcess | null = null;

const startServer = () => startGroup(TSX, ["scripts/run.ts", "start"], serverEnv, log);

function event(i: number) {
  const name = NAMES[i % NAMES.length]!;
  return {
    type: "track",
    userId: `crash-user-${i % USERS}`,
    event: name,
    properties:
      name === "purchase"
        ? { revenue: (i % 90) + 10, category: "shoes" }
        : { category: ["shoes", "bags", "hats"][i % 3] },
    timestamp: new Date(Date.now() - (i % 86_400) * 1000).toISOString(),
    messageId: `crash-${run}-${i}`,
  };
}

let exitCode = 1;
try {
  await ensureBuild();
  await onServer(`CREATE DATABASE "${database}"`);
  console.log(
    `database ${database} on ${serverUrl.replace(/\/[^/]*$/, "")}; server log ${path.relative(ROOT, logPath)}`,
  );
  await runChild(TSX, ["scripts/migrate.ts", "deploy"], { ...process.env, DATABASE_URL: crashUrl.toString() });
  await runChild(TSX, ["scripts/seed.ts", "--profiles", "0"], { ...process.env, DATABASE_URL: crashUrl.toString() });

  // This process reads and writes the crash database through the app's own modules.
  process.env.DATABASE_URL = crashUrl.toString();
  const { db, getDb } = await import("@/lib/db/client");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const { waitForFold } = await import("@/lib/profiles/intake/fold-status");
  const { foldMismatches } = await import("../tests/support/fold-consistency");
  const workspace = await db.workspace.findFirstOrThrow({ where: { isDemo: true } });
  const admin = await db.member.findFirstOrThrow({
    where: { workspaceId: workspace.id, role: "admin" },
    include: { user: true },
  });
  const actor = {
    userId: admin.userId,
    memberId: admin.id,
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    email: admin.user.email,
    name: admin.user.name,
    role: admin.role,
    mustChangePassword: false,
  };
  const { key } = await createApiKey(actor, { name: `crash ${run}` });

  let started = performance.now();
  server = startServer();
  await waitUntilServing(base);
  console.log(`server up on ${base} in ${seconds(started)} s`);

  // --- the load: each client takes the next batch and sends it until it is acknowledged with 200.
  const batches = Math.ceil(total / BATCH);
  let next = 0;
  let acknowledged = 0;
  let requests = 0;
  // Items sent again after a failed request: captured twice if the first capture committed before the
  // crash (its reply lost); the fold stores them once.
  let replayed = 0;
  const failures = new Map<string, number>();
  const fail = (kind: string) => failures.set(kind, (failures.get(kind) ?? 0) + 1);
  let restarting: Promise<void> | null = null;
  const kills: string[] = [];

  async function send(index: number) {
    const batch = Array.from({ length: Math.min(BATCH, total - index * BATCH) }, (_, k) => event(index * BATCH + k));
    const body = JSON.stringify({ batch });
    for (let attempt = 1; ; attempt++) {
      requests++;
      try {
        const response = await fetch(`${base}/api/v1/batch`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
          body,
        });
        if (response.status === 200) {
          const result = (await response.json()) as { accepted: number };
          if (attempt > 1) replayed += result.accepted;
          return;
        }
        fail(`HTTP ${response.status}`);
        await response.text();
        const retryAfter = Number(response.headers.get("retry-after") ?? 0);
        await sleep(retryAfter > 0 ? retryAfter * 1000 : Math.min(2_000, 100 * attempt));
      } catch (error) {
        fail((error as { cause?: { code?: string } }).cause?.code ?? "network error");
        await sleep(Math.min(2_000, 100 * attempt));
      }
    }
  }

  async function crashAndRestart(ordinal: number) {
    const at = acknowledged;
    const killed = performance.now();
    await kill9(server!);
    server = startServer();
    await waitUntilServing(base);
    kills.push(
      `kill -9 #${ordinal} after ${at}/${batches} batches acknowledged, serving again ${seconds(killed)} s later`,
    );
    console.log(kills.at(-1));
  }

  started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < batches) {
        const index = next++;
        await send(index);
        acknowledged++;
        const due = KILLS_AT.findIndex(
          (fraction, i) => kills.length === i && !restarting && acknowledged >= fraction * batches,
        );
        if (due >= 0) {
          restarting = crashAndRestart(due + 1).finally(() => (restarting = null));
        }
      }
    }),
  );
  // `restarting` is set in a callback above; TypeScript narrows it to null here.
  // eslint-disable-next-line @typescript-eslint/await-thenable -- see above
  while (restarting) await restarting;
  const loadSeconds = seconds(started);
  const foldWait = await waitForFold();
  console.log(`folded ${(foldWait / 1000).toFixed(1)} s after the last batch was acknowledged`);
  await stopGroup(server);

  // --- the verdict, read straight from the database.
  const stored = await db.event.findMany({ where: { workspaceId: workspace.id }, select: { messageId: true } });
  const distinct = new Set(stored.map((row) => row.messageId));
  let lost = 0;
  for (let i = 0; i < total; i++) if (!distinct.has(`crash-${run}-${i}`)) lost++;
  const duplicates = stored.length - distinct.size;
  const mismatches = await foldMismatches(workspace.id);
  console.log(
    `load: ${loadSeconds} s, ${requests} requests for ${batches} batches (${CLIENTS} clients × ${BATCH} events)`,
  );
  console.log(`failed requests, retried: ${[...failures].map(([kind, n]) => `${kind} × ${n}`).join(", ") || "none"}`);
  console.log(`items sent again after a failed request (captured again; folded once): ${replayed}`);
  console.log(`sent:       ${total.toLocaleString("en")}`);
  console.log(`stored:     ${stored.length.toLocaleString("en")}`);
  console.log(`duplicates: ${duplicates}`);
  console.log(`lost:       ${lost}`);
  console.log(
    `rollups and traits against a recomputation from the raw events: ${
      mismatches.length === 0 ? "equal" : `DIFFERENT in ${mismatches.map((m) => m.part).join(", ")}`
    }`,
  );
  await getDb().$disconnect();
  exitCode = lost === 0 && duplicates === 0 && mismatches.length === 0 && kills.length === KILLS_AT.length ? 0 : 1;
  if (kills.length !== KILLS_AT.length) console.error(`only ${kills.length} of ${KILLS_AT.length} kills happened`);
} catch (error) {
  console.error(error);
} finally {
  await stopGroup(server).catch(() => undefined);
  if (values.keep) console.log(`kept database ${database}`);
  else
    await onServer(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch((error) =>
      console.error(`could not drop ${database}: ${(error as Error).message}`),
    );
  log.end();
}
process.exit(exitCode);
