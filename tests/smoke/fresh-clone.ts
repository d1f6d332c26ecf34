// Fresh-machine smoke test: clone the committed tree, `npm install`, `npm run dev` with no
// DATABASE_URL, and require the sign-in page within 60 s and a working demo admin sign-in.
// Part of `npm test`; skipped when TAILOR_SKIP_SMOKE=1 (CI runs it once, not per database).
// TAILOR_SMOKE_LINK_MODULES=1 (CI, right after its own `npm install` of a fresh clone) links that
// checkout's node_modules instead of installing again.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runChild } from "../../scripts/support/run-child";

const DEADLINE_MS = 60_000;
const port = process.env.SMOKE_PORT ?? "3200";
const base = `http://localhost:${port}`;

if (process.env.TAILOR_SKIP_SMOKE === "1") {
  console.log("smoke: skipped (TAILOR_SKIP_SMOKE=1)");
  process.exit(0);
}

const dir = mkdtempSync(path.join(tmpdir(), "tailor-smoke-"));
const env: NodeJS.ProcessEnv = { ...process.env, PORT: port, NEXTAUTH_URL: base, NEXT_TELEMETRY_DISABLED: "1" };
delete env.DATABASE_URL; // a fresh machine has no PostgreSQL
delete env.NEXTAUTH_SECRET; // and no secret yet: the first run must generate one

function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function waitForSignIn(started: number): Promise<number> {
  while (Date.now() - started < DEADLINE_MS) {
    try {
      const response = await fetch(`${base}/signin`);
      if (response.status === 200 && (await response.text()).includes("admin@demo.tailor.dev"))
        return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the sign-in page did not answer within ${DEADLINE_MS / 1000} s`);
}

async function signInAsDemoAdmin(): Promise<void> {
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const callback = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesFrom(csrfResponse) },
    body: new URLSearchParams({ csrfToken, email: "admin@demo.tailor.dev", password: "tailor-demo", json: "true" }),
  });
  const session = cookiesFrom(callback);
  if (!session.includes("session-token")) throw new Error(`sign-in set no session cookie (status ${callback.status})`);
  const home = await fetch(`${base}/`, { headers: { cookie: session }, redirect: "manual" });
  const html = await home.text();
  if (home.status !== 200 || !html.includes("Welcome, Ada"))
    throw new Error(`home page after sign-in: status ${home.status}`);
}

let dev: ReturnType<typeof spawn> | undefined;
let code = 0;
try {
  const checkout = path.resolve(import.meta.dirname, "../..");
  await runChild("git", ["clone", "-q", checkout, dir]);
  const installStarted = Date.now();
  if (process.env.TAILOR_SMOKE_LINK_MODULES === "1") {
    // CI has just run `npm install` on its own fresh clone of the same commit: the smoke links those
    // packages (hard links, no copy) and generates the Prisma client, as the postinstall would.
    await runChild("cp", ["-al", path.join(checkout, "node_modules"), path.join(dir, "node_modules")], env, dir);
    await runChild("npx", ["prisma", "generate"], env, dir);
    console.log(
      `smoke: linked the CI checkout's node_modules in ${((Date.now() - installStarted) / 1000).toFixed(1)} s`,
    );
  } else {
    await runChild("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], env, dir);
    console.log(`smoke: npm install took ${((Date.now() - installStarted) / 1000).toFixed(1)} s`);
  }
  const started = Date.now();
  dev = spawn("npm", ["run", "dev"], { cwd: dir, env, stdio: ["ignore", "inherit", "inherit"], detached: true });
  const elapsed = await waitForSignIn(started);
  console.log(`smoke: sign-in page served ${(elapsed / 1000).toFixed(1)} s after \`npm run dev\``);
  await signInAsDemoAdmin();
  console.log("smoke: the demo admin signed in");
  console.log("smoke: 1 passed, 0 failed");
} catch (error) {
  console.error(`smoke: ${(error as Error).message}`);
  console.log("smoke: 0 passed, 1 failed");
  code = 1;
} finally {
  if (dev?.pid) {
    process.kill(-dev.pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 3000));
    try {
      process.kill(-dev.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
