import { randomBytes } from "node:crypto";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { connectionFields } from "../database-url";
import { connectPg } from "./pg-adapter";

export const SHADOW_PREFIX = "tailor_shadow_";

async function adminQuery(fields: pg.ClientConfig, sql: string): Promise<void> {
  const client = new pg.Client(fields);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A scratch database on the same PostgreSQL server, for the engine to replay migrations into.
 * Ours to create and drop: adapter-pg's own shadow drops the database while its pool still holds
 * connections (the drop fails and the database leaks), and with a connection string the URL's
 * database wins over the shadow's name, so the "shadow" pool would work on the main database.
 */
export async function serverShadow(url: string): Promise<SqlDriverAdapter> {
  const fields = connectionFields(url);
  const name = `${SHADOW_PREFIX}${randomBytes(6).toString("hex")}`;
  await adminQuery(fields, `CREATE DATABASE "${name}"`);
  // WITH (FORCE): a connection the pool failed to close must not keep the database alive.
  return connectPg({ ...fields, database: name }, () =>
    adminQuery(fields, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}
