// Ingestion throughput: HTTP /api/v1/batch (500-event batches, 4 concurrent clients) against a
// running production server, after a short untimed warm-up, then raw COPY of the same kind of
// events into the same table. HTTP answers at capture; the rate counted is until the server's worker
// has folded every call into events, rollups and traits (capture alone is printed too).
//   npm run build && DATABASE_URL=postgresql://…/db TAILOR_SEED_DEMO=1 PORT=3000 npm start
//   DATABASE_URL=postgresql://…/db BASE_URL=http://localhost:3000 npx tsx bench/ingest.ts \
//     [events] [events per user per batch]
// Prints events/s for both and the ratio (target: ≥ 20,000 events/s and ≥ 25 % of COPY).
import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { db, getDb } from "@/lib/db/client";
import { waitForFold } from "@/lib/profiles/intake/fold-status";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const total = Number(process.argv[2] ?? 100_000);
const BATCH = 500;
const CLIENTS = 4;
const USERS = 20_000;
// Events per user within a batch: 1 (default) is a server-side source mixing 500 customers per batch,
// the worst case for the rollups and computed traits (every event its own rows); a client SDK
// flushes one device's events, many per user.
const PER_USER = Number(process.argv[3] ?? 1);
const NAMES = ["page_view", "product_view", "add_to_cart", "search", "app_open", "purchase"];
const run = randomUUID().slice(0, 8);

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
const { key } = await createApiKey(actor, { name: `bench ${run}` });

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

async function send(batch: ReturnType<typeof event>[]): Promise<number> {
  const response = await fetch(`${base}/api/v1/batch`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body: JSON.stringify({ batch }),
  });
  if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${await response.text()}`);
  const result = (await response.json()) as { accepted: number; results: { status: string; reason?: string }[] };
  const other = result.results.find((r) => r.status !== "accepted");
  if (other) console.error(`not accepted: ${JSON.stringify(other)}`);
  return result.accepted;
}

// Warm-up, untimed: the server loads the route and compiles its hot code on the first requests
// (≈ 1 s), which is not throughput. Other users, so the timed load starts on the same footing.
const WARM_UP_BATCHES = 2 * CLIENTS;
for (let b = 0; b < WARM_UP_BATCHES; b += CLIENTS) {
  await Promise.all(
    Array.from({ length: CLIENTS }, (_, c) =>
      send(
        Array.from({ length: BATCH }, (_, k) => event((b + c) * BATCH + k, `bench-warm-${run}`, `bench-warm-${run}`)),
      ),
    ),
  );
}

await waitForFold();

// HTTP: each client takes the next batch until all are sent.
let next = 0;
let accepted = 0;
const httpStarted = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    while (next < total) {
      const start = next;
      next += BATCH;
      const stored = await send(
        Array.from({ length: Math.min(BATCH, total - start) }, (_, k) => event(start + k, `bench-http-${run}`)),
      );
      // not `accepted += await …`: that reads `accepted` before the await and loses the other clients' counts
      accepted += stored;
    }
  }),
);
const captureSeconds = (performance.now() - httpStarted) / 1000;
await waitForFold();
const httpSeconds = (performance.now() - httpStarted) / 1000;

// COPY: the same number of events, straight into Event (no identity, rollups or traits).
const profileIds = (
  await db.profile.findMany({
    where: { workspaceId: workspace.id, externalId: { startsWith: `bench-user-${run}-` } },
    select: { id: true },
    take: USERS,
  })
).map((p) => p.id);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
const escape = (value: string) => value.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n");
function* rows() {
  for (let i = 0; i < total; i++) {
    const e = event(i, `bench-copy-${run}`);
    const columns = [workspace.id, profileIds[i % profileIds.length], e.event, e.timestamp, e.messageId];
    yield `${columns.join("\t")}\t${escape(JSON.stringify(e.properties))}\n`;
  }
}
const copyStarted = performance.now();
await pipeline(
  Readable.from(rows()),
  client.query(
    copyFrom(`COPY "Event" ("workspaceId", "profileId", "name", "occurredAt", "messageId", "properties") FROM STDIN`),
  ),
);
const copySeconds = (performance.now() - copyStarted) / 1000;
await client.end();

const httpRate = total / httpSeconds;
const copyRate = total / copySeconds;
console.log(
  `events: ${total} (${accepted} accepted over HTTP), ${CLIENTS} clients × ${BATCH}-event ` +
    `batches, ${PER_USER} per user per batch, ${base}`,
);
console.log(
  `HTTP /api/v1/batch: ${Math.round(httpRate).toLocaleString("en")} events/s folded (${httpSeconds.toFixed(1)} s; ` +
    `captured in ${captureSeconds.toFixed(1)} s)`,
);
console.log(`COPY:               ${Math.round(copyRate).toLocaleString("en")} events/s (${copySeconds.toFixed(1)} s)`);
console.log(`HTTP / COPY:        ${((httpRate / copyRate) * 100).toFixed(1)} %`);
await getDb().$disconnect();
process.exit(0);
