// A production server and workers for benchmarks: each in its own process group, so a stop (or a
// kill -9, as a crashed machine would) takes the process and its children down together.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, type WriteStream } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { NEXT, runChild, TSX } from "../../scripts/support/run-child";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Builds the app once when there is no production build. */
export async function ensureBuild() {
  if (existsSync(path.join(ROOT, ".next", "BUILD_ID"))) return;
  console.log("No production build in .next: running next build first.");
  await runChild(process.execPath, [NEXT, "build"]);
}

/** Starts `args` (tsx or node with NEXT) in its own process group, its output appended to `log`. */
export function startGroup(command: string, args: string[], env: NodeJS.ProcessEnv, log: WriteStream): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  return child;
}

/** `next start` alone, without the worker `npm start` runs beside it. */
export const startNext = (port: number, env: NodeJS.ProcessEnv, log: WriteStream) =>
  startGroup(process.execPath, [NEXT, "start", "--port", String(port)], env, log);

/** `npm run worker`: folds, delivers and keeps statistics until stopped. */
export const startWorker = (env: NodeJS.ProcessEnv, log: WriteStream) =>
  startGroup(TSX, ["scripts/worker.ts"], env, log);

/** Until /api/v1/batch answers a keyless call with 401: Next.js is up and routing. */
export async function waitUntilServing(base: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/api/v1/batch`, {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json" },
      });
      if (response.status === 401) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${base} did not answer within ${timeoutMs / 1000} s`);
}

/** Until the child prints a line containing `text` (the worker's start-up line, say). */
export function waitForOutput(child: ChildProcess, text: string, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs / 1000} s`)), timeoutMs);
    const look = (chunk: Buffer) => {
      if (!chunk.toString().includes(text)) return;
      clearTimeout(timer);
      child.stdout!.off("data", look);
      resolve();
    };
    child.stdout!.on("data", look);
  });
}

const running = (child: ChildProcess | null): child is ChildProcess =>
  child !== null && child.exitCode === null && child.signalCode === null;

export function kill9(child: ChildProcess): Promise<void> {
  if (!running(child)) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    process.kill(-child.pid!, "SIGKILL");
  });
}

/** SIGTERM to the group, SIGKILL after 10 s. */
export async function stopGroup(child: ChildProcess | null) {
  if (!running(child)) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid!, "SIGTERM");
  await Promise.race([exited, sleep(10_000)]);
  await kill9(child);
}
