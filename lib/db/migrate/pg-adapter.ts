import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, type SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { scriptError } from "./script-error";

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
        (callback as (error: Error | null, result: QueryResult) => void)(error, result);
      };
      return (super.query as unknown as (...a: unknown[]) => never)(...args);
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
    // bodies and leaves half a failed migration behind. One simple-protocol query (no parameters)
    // runs the whole script as one implicit transaction, as Prisma's native engine does.
    async executeScript(script: string) {
      await pool.query(script).catch((error: unknown) => {
        throw scriptError(error, script);
      });
    },
  });
}

/**
 * adapter-pg over its own small pool, with the two fixes above. `afterDispose` runs once the pool
 * has closed every connection (the server shadow database can only be dropped then).
 */
export async function connectPg(
  fields: pg.ClientConfig,
  afterDispose?: () => Promise<void>,
): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ ...fields, Client: CharAwareClient as unknown as typeof pg.Client, max: 4 });
  const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  return Object.assign(withFixes(adapter, pool), {
    async dispose() {
      await adapter.dispose();
      await afterDispose?.();
    },
  });
}
