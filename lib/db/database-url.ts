import pg from "pg";
import { parse } from "pg-connection-string";

/**
 * Connection fields from a URL. The database name stays a separate field: given `connectionString`,
 * pg lets the URL win over `database`, so a pool meant for another database would hit this one.
 */
export function connectionFields(url: string): pg.ClientConfig {
  const { database, host, port, user, password, ssl } = parse(url);
  return {
    database: database ?? undefined,
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    ssl: ssl as pg.ClientConfig["ssl"],
  };
}

async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client(connectionFields(url));
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string }>("select version()");
    return rows[0]!.version;
  } finally {
    await client.end();
  }
}

/** PGlite answers as "PostgreSQL 18.x (PGlite 0.5.x) on wasm32…": pglite-server looks like any server by URL. */
export async function isPglite(url: string): Promise<boolean> {
  return (await serverVersion(url)).includes("(PGlite");
}

/** "PostgreSQL 15.20" or "PGlite (embedded)", for scripts to say what they are about to change. */
export async function describeDatabase(url: string): Promise<string> {
  const version = await serverVersion(url);
  if (version.includes("(PGlite")) return "PGlite (embedded)";
  return /^PostgreSQL \S+/.exec(version)?.[0] ?? version;
}
