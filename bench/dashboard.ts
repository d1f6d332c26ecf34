// Every dashboard page's requests, timed against a running server on a seeded database:
//   BASE_URL=http://localhost:3000 DATABASE_URL=postgresql://… npx tsx bench/dashboard.ts \
//     [--runs 10] [--seconds 60] [--users 4]
// 1. Signs in as the demo admin, finds one real object of each kind (persona, profile, segment, template,
//    campaign, experiment), then times every page (server render) and every API the pages call:
//    cold — new data arrives before each run (one event through the ingestion API bumps the workspace's
//    data version, so every per-version report cache misses; PostgreSQL's buffers stay warm, as on a live
//    server) — and warm, `--runs` times each. Each call's p95 is printed beside a `count(*)` over "Event"
//    timed in the same run (the machine's speed today) and its ratio to it.
// 2. `--users` concurrent users loop over all the calls for `--seconds`: p50 / p95 and errors per call.
// 3. The same with an ingestion load beside them (one client posting 500-event batches back to back).
// Targets (issue 19): every call p95 ≤ 1 s cold and ≤ 1.5 × count(*), warm ≤ 100 ms, ≤ 1.5 s p95 with 4
// concurrent users, 0 errors. Figures: docs/performance.md.
// Cold means computed: run the server with TAILOR_REPORT_STALE_SECONDS=0 for the first table (a slow
// report otherwise answers "as of" its last result while new data is counted, docs/reports.md#cache);
// with the default, the concurrent tables count the "as of" answers per call.
import { parseArgs } from "node:util";
import pg from "pg";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "10" },
    seconds: { type: "string", default: "60" },
    users: { type: "string", default: "4" },
    only: { type: "string" },
  },
});
const base = process.env.BASE_URL ?? "http://localhost:3000";
const RUNS = Number(values.runs);
const SECONDS = Number(values.seconds);
const USERS = Number(values.users);
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("Set DATABASE_URL to the server's database: the count(*) baseline is timed on it.");

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function signIn(email = "admin@demo.tailor.dev", password = "tailor-demo"): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(callback);
  if (!session.includes("session-token")) throw new Error(`sign-in failed with status ${callback.status}`);
  return session;
}

type Call = { name: string; path: string; body?: unknown };

/** Sends the call; true when the answer was a report's last result while newer data is counted ("as of"). */
async function send(call: Call, cookie: string): Promise<boolean> {
  const response = await fetch(`${base}${call.path}`, {
    method: call.body === undefined ? "GET" : "POST",
    headers: { cookie, origin: base, ...(call.body === undefined ? {} : { "content-type": "application/json" }) },
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
    redirect: "manual",
  });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${call.name}: ${call.path} answered ${response.status}`);
  return (
    response.headers.get("content-type")?.includes("json") === true &&
    (JSON.parse(body) as { cache?: { refreshing?: boolean } }).cache?.refreshing === true
  );
}

async function json<T>(path: string, cookie: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: { cookie } });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** One real object of each kind, found through the same APIs the pages use. */
async function discover(cookie: string): Promise<Call[]> {
  const personas = (await json<{ personas: { id: string; name: string }[] }>("/api/personas", cookie)).personas;
  const segments = (await json<{ segments: { id: string }[] }>("/api/segments", cookie)).segments;
  const segment = await json<{ segment: { id: string; definition: unknown } }>(
    `/api/segments/${segments[0]!.id}`,
    cookie,
  );
  const profiles = (await json<{ profiles: { id: string; email: string | null }[] }>("/api/profiles", cookie)).profiles;
  const templates = (await json<{ templates: { id: string }[] }>("/api/templates", cookie)).templates;
  const campaigns = (
    await json<{ campaigns: { id: string; name: string; experimentId?: string | null }[] }>("/api/campaigns", cookie)
  ).campaigns;
  const experiments = (await json<{ experiments: { id: string; name: string }[] }>("/api/experiments", cookie))
    .experiments;
  const persona = personas[0]!.id;
  const profile = profiles[0]!.id;
  const template = templates[0]!.id;
  const campaign = (campaigns.find((c) => /Spring sale/.test(c.name)) ?? campaigns[0]!).id;
  const experiment = (experiments.find((e) => /Subject line/.test(e.name)) ?? experiments[0]!).id;
  const definition = segment.segment.definition;
  return [
    { name: "page /", path: "/" },
    { name: "page /personas", path: "/personas" },
    { name: "GET /api/personas", path: "/api/personas" },
    { name: "page /personas/:id", path: `/personas/${persona}` },
    { name: "GET /api/personas/:id", path: `/api/personas/${persona}` },
    { name: "GET /api/personas/:id/insights", path: `/api/personas/${persona}/insights` },
    {
      name: "page /personas/compare",
      path: `/personas/compare?ids=${personas
        .slice(0, 2)
        .map((p) => p.id)
        .join(",")}`,
    },
    { name: "page /profiles", path: "/profiles" },
    { name: "GET /api/profiles", path: "/api/profiles" },
    { name: "page /profiles/:id", path: `/profiles/${profile}` },
    { name: "GET /api/profiles/:id/events", path: `/api/profiles/${profile}/events` },
    { name: "page /segments", path: "/segments" },
    { name: "GET /api/segments", path: "/api/segments" },
    { name: "page /segments/:id", path: `/segments/${segment.segment.id}` },
    {
      name: "POST /api/segments/preview",
      path: "/api/segments/preview",
      body: { definition, selfId: segment.segment.id },
    },
    {
      name: "POST /api/segments/explain",
      path: "/api/segments/explain",
      body: { definition, selfId: segment.segment.id, profile },
    },
    {
      name: "POST /api/segments/sample",
      path: "/api/segments/sample",
      body: { definition, selfId: segment.segment.id, limit: 10 },
    },
    { name: "page /templates", path: "/templates" },
    { name: "GET /api/templates", path: "/api/templates" },
    { name: "page /templates/:id", path: `/templates/${template}` },
    {
      name: "POST /api/templates/preview",
      path: "/api/templates/preview",
      body: { templateId: template, profileId: profile },
    },
    { name: "page /campaigns", path: "/campaigns" },
    { name: "GET /api/campaigns", path: "/api/campaigns" },
    { name: "page /campaigns/:id", path: `/campaigns/${campaign}` },
    { name: "GET /api/campaigns/:id/summary", path: `/api/campaigns/${campaign}/summary` },
    { name: "GET /api/campaigns/:id/messages", path: `/api/campaigns/${campaign}/messages` },
    { name: "page /experiments", path: "/experiments" },
    { name: "GET /api/experiments", path: "/api/experiments" },
    { name: "page /experiments/:id", path: `/experiments/${experiment}` },
    { name: "GET /api/experiments/:id/readout", path: `/api/experiments/${experiment}/readout` },
    { name: "GET /api/experiments/:id/export", path: `/api/experiments/${experiment}/export` },
    { name: "GET /api/reports/overview", path: "/api/reports/overview?range=30d" },
    { name: "GET /api/reports/campaigns/:id", path: `/api/reports/campaigns/${campaign}` },
    { name: "GET /api/reports/retention", path: "/api/reports/retention" },
    {
      name: "GET /api/reports/funnel",
      path: "/api/reports/funnel?steps=product_view,add_to_cart,checkout_start,purchase&range=30d",
    },
    { name: "GET /api/reports/options", path: "/api/reports/options" },
    { name: "page /outbox", path: "/outbox" },
    { name: "GET /api/outbox", path: "/api/outbox" },
    { name: "page /audit", path: "/audit" },
    { name: "GET /api/audit", path: "/api/audit" },
  ].filter((c) => !values.only || c.name.includes(values.only));
}

/** An API key for the ingestion API: one event through it is "new data" for every cache. */
async function newDataSender(cookie: string): Promise<() => Promise<void>> {
  const response = await fetch(`${base}/api/api-keys`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json" },
    body: JSON.stringify({ name: `bench-dashboard-${Date.now()}`, kind: "server" }),
  });
  if (!response.ok) throw new Error(`creating an API key answered ${response.status}: ${await response.text()}`);
  const { key } = (await response.json()) as { key: string };
  let n = 0;
  return async () => {
    const res = await fetch(`${base}/v1/batch`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({
        batch: [
          {
            type: "track",
            userId: "bench-dashboard",
            event: "page_view",
            messageId: `bench-dash-${Date.now()}-${n++}`,
            properties: {},
          },
        ],
      }),
    });
    if (!res.ok) throw new Error(`ingest answered ${res.status}`);
    await res.arrayBuffer();
  };
}

const quantile = (values: number[], q: number) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (v: number) => (Number.isFinite(v) ? Math.round(v).toLocaleString("en").padStart(7) : "      —");

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();
const baseline: number[] = [];
const countEvents = async () =>
  baseline.push(await timed(async () => void (await db.query(`SELECT count(*) FROM "Event"`))));

const cookie = await signIn();
const calls = await discover(cookie);
const newData = await newDataSender(cookie);
console.log(
  `${calls.length} calls against ${base}, ${RUNS} runs each; load average ${(await import("node:os"))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
// One untimed round: a production server's first request per route loads its code.
for (const call of calls) await send(call, cookie);

const cold = new Map<string, number[]>(calls.map((c) => [c.name, []]));
const warm = new Map<string, number[]>(calls.map((c) => [c.name, []]));
for (let run = 0; run < RUNS; run++) {
  await countEvents();
  for (const call of calls) {
    await newData();
    cold.get(call.name)!.push(await timed(() => send(call, cookie)));
    warm.get(call.name)!.push(await timed(() => send(call, cookie)));
  }
}
await countEvents();
const base95 = quantile(baseline, 0.95);
console.log(`\nbaseline count(*) over "Event": p50 ${ms(quantile(baseline, 0.5))} ms, p95 ${ms(base95)} ms`);
console.log(
  `\n${"call".padEnd(36)} ${"cold p50".padStart(9)} ${"cold p95".padStart(9)} ` +
    `${"× count".padStart(8)} ${"warm p50".padStart(9)} ${"warm p95".padStart(9)}`,
);
for (const call of calls) {
  const c = cold.get(call.name)!;
  const w = warm.get(call.name)!;
  const p95 = quantile(c, 0.95);
  const flag = p95 > 1000 || p95 > 1.5 * base95 || quantile(w, 0.95) > 100 ? "  ✗" : "";
  console.log(
    `${call.name.padEnd(36)} ${ms(quantile(c, 0.5))}  ${ms(p95)}  ` +
      `${(p95 / base95).toFixed(2).padStart(7)}  ${ms(quantile(w, 0.5))}  ` +
      `${ms(quantile(w, 0.95))}${flag}`,
  );
}

/** `USERS` signed-in users looping over every call (each starting at another one) until the time is up. */
async function concurrent(label: string, beside?: () => Promise<void>) {
  const samples = new Map<string, number[]>(calls.map((c) => [c.name, []]));
  const errors = new Map<string, number>();
  const asOf = new Map<string, number>();
  const until = Date.now() + SECONDS * 1000;
  const users = await Promise.all(Array.from({ length: USERS }, () => signIn()));
  let stop = false;
  const load = beside
    ? (async () => {
        let batches = 0;
        while (!stop) {
          await beside();
          batches++;
        }
        return batches;
      })()
    : Promise.resolve(0);
  await countEvents();
  await Promise.all(
    users.map(async (session, u) => {
      for (let i = u * Math.floor(calls.length / USERS); Date.now() < until; i++) {
        const call = calls[i % calls.length]!;
        try {
          let stale = false;
          samples.get(call.name)!.push(await timed(async () => void (stale = await send(call, session))));
          if (stale) asOf.set(call.name, (asOf.get(call.name) ?? 0) + 1);
        } catch {
          errors.set(call.name, (errors.get(call.name) ?? 0) + 1);
        }
      }
    }),
  );
  stop = true;
  const batches = await load;
  await countEvents();
  console.log(
    `\n${label}: ${USERS} users for ${SECONDS} ` +
      `s${beside ? `, ${batches} ingest batches of 500 events beside them` : ""}`,
  );
  // "as of": answers that were a report's last result while newer data was being counted.
  console.log(
    `${"call".padEnd(36)} ${"n".padStart(5)} ${"p50".padStart(8)} ${"p95".padStart(8)} ` +
      `${"errors".padStart(7)} ${"as of".padStart(6)}`,
  );
  for (const call of calls) {
    const s = samples.get(call.name)!;
    const p95 = quantile(s, 0.95);
    console.log(
      `${call.name.padEnd(36)} ${String(s.length).padStart(5)} ${ms(quantile(s, 0.5))}  ` +
        `${ms(p95)}  ${String(errors.get(call.name) ?? 0).padStart(6)} ` +
        `${String(asOf.get(call.name) ?? 0).padStart(6)}${p95 > 1500 || errors.get(call.name) ? "  ✗" : ""}`,
    );
  }
}

await concurrent("Concurrent users");

/** Ingestion beside the users: 500-event batches of one new customer each, back to back. */
const ingestKey = await (async () => {
  const response = await fetch(`${base}/api/api-keys`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json" },
    body: JSON.stringify({ name: `bench-dashboard-load-${Date.now()}`, kind: "server" }),
  });
  return ((await response.json()) as { key: string }).key;
})();
let batch = 0;
await concurrent("Concurrent users while ingesting", async () => {
  const at = new Date().toISOString();
  const items = Array.from({ length: 500 }, (_, i) => ({
    type: "track",
    userId: `bench-load-${batch}-${i}`,
    event: "product_view",
    timestamp: at,
    messageId: `bench-load-${Date.now()}-${batch}-${i}`,
    properties: { category: "shoes" },
  }));
  batch++;
  const res = await fetch(`${base}/v1/batch`, {
    method: "POST",
    headers: { authorization: `Bearer ${ingestKey}`, "content-type": "application/json" },
    body: JSON.stringify({ batch: items }),
  });
  await res.arrayBuffer();
});
console.log(
  `\nbaseline count(*) over the whole run: p50 ${ms(quantile(baseline, 0.5))} ms, p95 ` +
    `${ms(quantile(baseline, 0.95))} ms`,
);
await db.end();
