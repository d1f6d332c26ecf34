// `npm run dev` / `npm start`: database (embedded unless DATABASE_URL) → migrations → demo seed → Next.js + worker.
import { loadEnvironment } from "./support/env-local";
import { openEmbeddedDatabase } from "./support/embedded-database";
import { NEXT, runChild, startChild, TSX } from "./support/run-child";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/run.ts dev|start");
  process.exit(2);
}
loadEnvironment(mode === "dev");
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT ?? "3000";
process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

let stopDatabase = async () => {};
const embedded = !process.env.DATABASE_URL;
if (embedded) {
  const database = await openEmbeddedDatabase();
  process.env.DATABASE_URL = database.url;
  stopDatabase = database.stop;
  console.log(`Embedded database (PGlite) from .data/pglite at ${database.url}`);
}

async function shutdown(code: number): Promise<never> {
  await stopDatabase();
  process.exit(code);
}

// Demo users have a published password: seed them only where that is safe or asked for.
const demo = embedded || process.env.TAILOR_SEED_DEMO === "1";
// The end-to-end tests read the demo history from their first page: they ask for all of it first.
const demoBeforeServing = demo && process.env.TAILOR_DEMO_BEFORE_SERVING === "1";
try {
  await runChild(TSX, ["scripts/migrate.ts", "deploy"]);
  if (demo) await runChild(TSX, demoBeforeServing ? ["scripts/seed.ts"] : ["scripts/seed.ts", "--profiles", "0"]);
} catch (error) {
  console.error((error as Error).message);
  await shutdown(1);
}

const next = startChild(process.execPath, [NEXT, mode, "--port", port]);
// The demo population loads while the app already serves (first run only: it skips a populated workspace).
if (demo && !demoBeforeServing) startChild(TSX, ["scripts/seed.ts"]);
const worker = startChild(TSX, ["scripts/worker.ts"]);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    worker.kill(signal);
    next.kill(signal);
  });
}
const workerExited = new Promise<void>((resolve) => worker.on("exit", () => resolve()));
next.on("exit", (code) => {
  worker.kill("SIGTERM");
  // The worker finishes its round before the embedded database stops under it (a few seconds at most).
  void Promise.race([workerExited, new Promise((resolve) => setTimeout(resolve, 5_000))]).then(() =>
    shutdown(code ?? 0),
  );
});
