// Latency of the requests every session makes, against a running server (`npm start`):
//   BASE_URL=http://localhost:3000 npx tsx bench/request-latency.ts [iterations]
// Sign-in is dominated by bcrypt (cost 12) on purpose; pages and API calls pay one member lookup
// for requireRole. Prints min / median / p95 in milliseconds per request kind.
export {}; // a module, so top-level await works

const base = process.env.BASE_URL ?? "http://localhost:3000";
const iterations = Number(process.argv[2] ?? 20);
const email = process.env.BENCH_EMAIL ?? "admin@demo.tailor.dev";
const password = process.env.BENCH_PASSWORD ?? "tailor-demo";

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

async function timed<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await fn();
  samples.push(performance.now() - started);
  return result;
}

async function signIn(): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = cookiesOf(callback);
  if (!session.includes("session-token")) throw new Error(`sign-in failed with status ${callback.status}`);
  return session;
}

async function get(path: string, cookie: string): Promise<void> {
  const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  await response.arrayBuffer();
}

const samples = {
  "sign-in (csrf + credentials)": [] as number[],
  "GET / (home page)": [] as number[],
  "GET /api/members": [] as number[],
  "GET /api/audit": [] as number[],
};
// One warm-up round so first-request compilation and caches do not count.
const warm = await signIn();
await Promise.all([get("/", warm), get("/api/members", warm), get("/api/audit", warm)]);

for (let i = 0; i < iterations; i++) {
  const cookie = await timed(samples["sign-in (csrf + credentials)"], signIn);
  await timed(samples["GET / (home page)"], () => get("/", cookie));
  await timed(samples["GET /api/members"], () => get("/api/members", cookie));
  await timed(samples["GET /api/audit"], () => get("/api/audit", cookie));
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
console.log(`${iterations} iterations against ${base}`);
console.log(`${"request".padEnd(30)} ${"min".padStart(8)} ${"median".padStart(8)} ${"p95".padStart(8)}`);
for (const [name, values] of Object.entries(samples)) {
  const sorted = values.toSorted((a, b) => a - b);
  const row = [sorted[0]!, quantile(sorted, 0.5), quantile(sorted, 0.95)].map((ms) => ms.toFixed(1).padStart(8));
  console.log(`${name.padEnd(30)} ${row.join(" ")}`);
}
