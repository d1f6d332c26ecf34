import { randomBytes } from "node:crypto";
import pg from "pg";
import { startPgliteServer } from "@/lib/db/pglite-server";
import { connectionFields } from "@/lib/db/migrate/pg-adapter";
import { runChild, TSX } from "../../scripts/support/run-child";

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
 * A database that exists for one test run: `tailor_test_<id>` on the server named by
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
    // WITH (FORCE) ends connections a crashed test left open (PostgreSQL 13+).
    drop: () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

/** Migrates a database exactly as production does: `scripts/migrate.ts deploy`. */
export function applyMigrations(url: string): Promise<void> {
  return runChild(TSX, ["scripts/migrate.ts", "deploy"], { ...process.env, DATABASE_URL: url });
}
