import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startPgliteServer } from "@/lib/db/pglite-server";
import { ROOT } from "./env-local";

const DATA_DIR = path.join(ROOT, ".data/pglite");
const STATE_FILE = path.join(ROOT, ".data/pglite-server.json");

type State = { pid: number; url: string };

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The embedded database in .data/pglite. PGlite must have one owner per data directory, so when
 * `npm run dev` already serves it, db:* scripts join that server instead of opening the files twice.
 */
export async function openEmbeddedDatabase(): Promise<{ url: string; stop: () => Promise<void>; shared: boolean }> {
  if (existsSync(STATE_FILE)) {
    const state = JSON.parse(readFileSync(STATE_FILE, "utf8")) as State;
    if (alive(state.pid) && (await answers(state.url))) return { url: state.url, stop: async () => {}, shared: true };
    rmSync(STATE_FILE, { force: true });
  }
  const server = await startPgliteServer({ dataDir: DATA_DIR });
  writeFileSync(STATE_FILE, JSON.stringify({ pid: process.pid, url: server.url } satisfies State));
  return {
    url: server.url,
    shared: false,
    async stop() {
      rmSync(STATE_FILE, { force: true });
      await server.stop();
    },
  };
}
