import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

export type PgliteServer = { url: string; port: number; stop(): Promise<void> };

const require = createRequire(import.meta.url);
// The package exports no subpaths: find its bin beside the resolved main file (dist/index.cjs).
const SERVER_SCRIPT = path.join(path.dirname(require.resolve("@electric-sql/pglite-socket")), "scripts/server.js");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PGlite behind the PostgreSQL wire protocol as a child process, so the app, migrations and
 * seed reach it through the same adapter-pg path as a real server. `dataDir` absent = in-memory.
 * PGlite runs one transaction at a time; `maxConnections` must cover the pools that connect.
 */
export async function startPgliteServer({ dataDir, port, maxConnections = 20 }: { dataDir?: string; port?: number; maxConnections?: number } = {}): Promise<PgliteServer> {
  if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
  const listenPort = port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [SERVER_SCRIPT, `--db=${dataDir ?? "memory://"}`, `--port=${listenPort}`, "--host=127.0.0.1", `--max-connections=${maxConnections}`],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  // The server logs every connection on stdout; keep only what explains a failure.
  let log = "";
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(`[pglite] ${chunk}`);
  });
  const killOnExit = () => child.kill("SIGKILL");
  process.on("exit", killOnExit);

  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`PGlite did not start within 60 s:\n${log}`)), 60_000);
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        resolve();
      }
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`PGlite exited with ${code} before listening:\n${log}`));
    });
  });

  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${listenPort}/postgres`,
    port: listenPort,
    async stop() {
      process.off("exit", killOnExit);
      if (child.exitCode !== null) return;
      // SIGTERM lets PGlite close its files cleanly; SIGKILL only if it hangs.
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
