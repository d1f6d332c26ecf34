import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";

export type PgliteServer = { url: string; port: number; stop(): Promise<void> };

// Our own server script: the package's, plus keeping each query's protocol messages together (see it).
const SERVER_SCRIPT = fileURLToPath(new URL("./pglite-serve.mjs", import.meta.url));
const START_TIMEOUT_MS = 60_000;
const KILL_AFTER_MS = 3_000;

/**
 * Binds the port for a moment: 0 gets a free one; a given port that is taken fails here, clearly,
 * rather than later, when the readiness poll could be answered by whatever already listens there.
 */
function claimPort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error) =>
      reject(new Error(`Port ${port} on 127.0.0.1 is not free for PGlite: ${error.message}`)),
    );
    probe.listen(port, "127.0.0.1", () => {
      const { port: bound } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(bound));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on("error", () => {}); // a refused or dropped connection only means "not yet"
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Starts PGlite behind the PostgreSQL wire protocol as a child process, so the app, migrations and
 * seed reach it through the same adapter-pg path as a real server. `dataDir` absent = in-memory.
 * PGlite runs one transaction at a time; `maxConnections` must cover every pool that connects.
 * The caller stops it; if this process exits first, the child is killed with it.
 */
export async function startPgliteServer({
  dataDir,
  port,
  maxConnections = 20,
}: { dataDir?: string; port?: number; maxConnections?: number } = {}): Promise<PgliteServer> {
  if (dataDir) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const listenPort = await claimPort(port ?? 0);
  const url = `postgresql://postgres@127.0.0.1:${listenPort}/postgres`;
  const child = spawn(
    process.execPath,
    [
      SERVER_SCRIPT,
      "-d",
      dataDir ?? "memory://",
      "-p",
      String(listenPort),
      "-h",
      "127.0.0.1",
      "-m",
      String(maxConnections),
    ],
    // stdout only logs each connection; stderr carries the errors worth showing.
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
    process.stderr.write(`[pglite] ${chunk.toString()}`);
  });
  // An orphan would keep holding the data directory. SIGTERM: PGlite closes its files, then exits.
  const killOnExit = () => child.kill("SIGTERM");
  process.on("exit", killOnExit);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  async function stop(): Promise<void> {
    process.off("exit", killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const force = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
    await exited;
    clearTimeout(force);
  }

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await answers(url))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      process.off("exit", killOnExit);
      throw new Error(
        `pglite-server exited (${child.exitCode ?? child.signalCode}) before accepting connections:\n${stderr}`,
      );
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `pglite-server did not accept connections on port ${listenPort} within ` +
          `${START_TIMEOUT_MS / 1000} s:\n${stderr}`,
      );
    }
    await sleep(100);
  }
  return { url, port: listenPort, stop };
}
