import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlDriverAdapter, type SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { parse } from "pg-connection-string";

const CHAR_OID = 18;
// Result rows of queries that returned PostgreSQL's internal "char" columns, and which columns.
const charColumns = new WeakMap<object, number[]>();

type QueryResult = { fields?: { dataTypeID: number }[]; rows?: object };

// adapter-pg cannot describe "char" (OID 18), which the engine reads from pg_catalog. Present those
// columns as text to adapter-pg, remember where they were, and report them as Character afterwards
// (Text makes the engine panic on PostgreSQL 18 / PGlite).
function hideCharColumns(result: QueryResult): void {
  const indices = (result.fields ?? []).flatMap((field, index) => (field.dataTypeID === CHAR_OID ? [index] : []));
  if (indices.length === 0 || !result.rows) return;
  for (const index of indices) result.fields![index]!.dataTypeID = pg.types.builtins.TEXT;
  charColumns.set(result.rows, indices);
}

class CharAwareClient extends pg.Client {
  // pg calls query() with a callback (Pool.query) or without (adapter transactions); cover both.
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (error: Error | null, result: QueryResult) => {
        if (result) hideCharColumns(result);
        callback(error, result);
      };
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    if (pending instanceof Promise) {
      return pending.then((result: QueryResult) => {
        hideCharColumns(result);
        return result;
      }) as never;
    }
    return pending as never;
  }
}

function withFixes(adapter: SqlDriverAdapter, pool: pg.Pool): SqlDriverAdapter {
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    async queryRaw(query: Parameters<SqlDriverAdapter["queryRaw"]>[0]) {
      const result = await adapter.queryRaw(query);
      for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
      return result;
    },
    // adapter-pg splits scripts on ";" and runs the pieces on pooled connections, which breaks $$
    // bodies and leaves half a failed migration behind. One simple-protocol query runs the whole
    // script as one implicit transaction, as Prisma's native engine does.
    async executeScript(script: string) {
      try {
        await pool.query(script);
      } catch (error) {
        // adapter-pg's own mapping, so the engine reports the database error by its code.
        (adapter as unknown as { onError(error: unknown): never }).onError(error);
      }
    },
  });
}

export type ConnectionFields = pg.PoolConfig;

/** Connection fields from a URL; the database name stays a field so a shadow pool can replace it. */
export function connectionFields(url: string): ConnectionFields {
  const { database, host, port, user, password, ssl } = parse(url);
  return {
    database: database ?? undefined,
    host: host ?? undefined,
    port: port ? Number(port) : undefined,
    user,
    password,
    ssl: ssl as pg.PoolConfig["ssl"],
  };
}

function connect(fields: ConnectionFields, release?: () => Promise<void>): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ ...fields, Client: CharAwareClient as unknown as typeof pg.Client, max: 4 });
  return new PrismaPg(pool, { disposeExternalPool: true })
    .connect()
    .then((adapter) => {
      const fixed = withFixes(adapter, pool);
      return Object.assign(fixed, {
        async dispose() {
          await adapter.dispose();
          await release?.();
        },
      });
    });
}

async function adminQuery(fields: ConnectionFields, sql: string): Promise<void> {
  const client = new pg.Client(fields);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A migration-aware factory over adapter-pg for a PostgreSQL server. The shadow database is ours
 * to create and drop: adapter-pg's own drops it while its pool still holds connections (the drop
 * fails and the database leaks), and lets the URL override the shadow database name.
 */
export function pgMigrationFactory(url: string, shadow: () => Promise<SqlDriverAdapter> = () => serverShadow(url)): SqlMigrationAwareDriverAdapterFactory {
  const fields = connectionFields(url);
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connect(fields),
    connectToShadowDb: shadow,
  };
}

export const SHADOW_PREFIX = "tailor_shadow_";

async function serverShadow(url: string): Promise<SqlDriverAdapter> {
  const fields = connectionFields(url);
  const name = `${SHADOW_PREFIX}${randomBytes(6).toString("hex")}`;
  await adminQuery(fields, `CREATE DATABASE "${name}"`);
  // Dropped only after the shadow pool has closed every connection.
  return connect({ ...fields, database: name }, () => adminQuery(fields, `DROP DATABASE IF EXISTS "${name}"`));
}
