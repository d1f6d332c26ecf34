import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { connectionFields } from "@/lib/db/database-url";
import { startPgliteServer } from "@/lib/db/pglite-server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

export type ThrowawayDatabase = { url: string; kind: "postgres" | "pglite"; drop(): Promise<void> };

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(connectionFields(serverUrl));
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database that exists for one test run: `tailor_test_<id>` on the PostgreSQL server named by
 * TEST_SERVER_DATABASE_URL, else an in-memory PGlite server. Never the developer's data.
 */
export async function createThrowawayDatabase(): Promise<ThrowawayDatabase> {
  const server = process.env.TEST_SERVER_DATABASE_URL;
  if (!server) {
    const pglite = await startPgliteServer();
    return { url: pglite.url, kind: "pglite", drop: () => pglite.stop() };
  }
  const name = `tailor_test_${randomBytes(5).toString("hex")}`;
  await onServer(server, `CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: "postgres",
    // WITH (FORCE) ends the connections still open (pools, a crashed test) instead of failing.
    drop: () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Migrates a database exactly as production does: `scripts/migrate.ts deploy`, in a child process. */
export function applyMigrations(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      TSX,
      ["scripts/migrate.ts", "deploy"],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: url } },
      (error, stdout, stderr) => {
        if (error)
          reject(new Error(`scripts/migrate.ts deploy failed (${error.code ?? error.signal}):\n${stdout}${stderr}`));
        else resolve();
      },
    );
  });
}
