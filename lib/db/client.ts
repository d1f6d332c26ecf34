import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const globalForDb = globalThis as unknown as { tailorDb?: PrismaClient; tailorDbLimits?: SessionLimits | null };

/**
 * What every session of the pool runs with. A transaction left open holds back the intake's fold (its
 * horizon is the oldest open transaction id on the server: docs/data.md) and vacuum; a runaway
 * statement holds a connection and its locks. A statement that needs longer sets its own
 * (`runTuned`'s `statementTimeoutMs`, SET LOCAL).
 */
export type SessionLimits = { statementTimeoutMs: number; idleInTransactionTimeoutMs: number };
export const SESSION_LIMITS: SessionLimits = { statementTimeoutMs: 120_000, idleInTransactionTimeoutMs: 60_000 };

/**
 * For long jobs (the worker's backfills and audience enqueues, the seed): their statements may run for
 * minutes by design. Call before the first query; the pool's sessions are made with the limits then.
 */
export function withoutSessionLimits(): void {
  if (globalForDb.tailorDb) throw new Error("withoutSessionLimits() must run before the first query");
  globalForDb.tailorDbLimits = null;
}

/**
 * The limits as libpq startup options: PostgreSQL applies them to each new session, no extra round trip.
 * PGlite accepts and ignores them (it runs one session at a time, so nothing waits behind an idle one long).
 */
export function sessionOptions(limits: SessionLimits | null): string | undefined {
  if (!limits) return undefined;
  return (
    `-c statement_timeout=${Math.trunc(limits.statementTimeoutMs)} ` +
    `-c idle_in_transaction_session_timeout=${Math.trunc(limits.idleInTransactionTimeoutMs)}`
  );
}

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set: start the app with `npm run dev` / `npm start`, which start the embedded database.",
    );
  }
  // The embedded server runs one transaction at a time; a small pool keeps waiting connections few.
  const limits = globalForDb.tailorDbLimits === undefined ? SESSION_LIMITS : globalForDb.tailorDbLimits;
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 8, options: sessionOptions(limits) }),
  });
}

/** The app's one Prisma client, created on first use so `next build` needs no database. */
export function getDb(): PrismaClient {
  globalForDb.tailorDb ??= createClient();
  return globalForDb.tailorDb;
}

/** Lazily bound Prisma client: `db.member.findMany(...)`. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(client) : value;
  },
});
