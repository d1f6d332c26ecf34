import { Prisma } from "@/lib/generated/prisma/client";
import { getDb, type Tx } from "./client";

/**
 * Settings one transaction runs with (SET LOCAL: they end with it). Sizes in whole megabytes and
 * times in whole milliseconds, so no setting is ever a string from elsewhere.
 */
export type QuerySettings = {
  /** Memory per sort or hash before it spills to disk (PostgreSQL's default is 4 MB). */
  workMemMb?: number;
  /** Memory for index builds and VACUUM. */
  maintenanceWorkMemMb?: number;
  /** JIT compilation of expressions; off where it costs more than it saves. */
  jit?: boolean;
  /** The server stops the statement after this long, as the client would give up. */
  statementTimeoutMs?: number;
};

/** How long Prisma lets the transaction run, and waits for a connection to start it. */
export type TransactionLimits = { timeoutMs: number; maxWaitMs?: number };

const whole = (name: string, value: number) => {
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, not ${value}`);
  return String(value);
};

/** The settings as set_config(name, value, is_local) pairs: bound values, and one round trip for all. */
function configPairs(settings: QuerySettings): [string, string][] {
  const pairs: [string, string][] = [];
  if (settings.workMemMb !== undefined) pairs.push(["work_mem", `${whole("workMemMb", settings.workMemMb)}MB`]);
  if (settings.maintenanceWorkMemMb !== undefined)
    pairs.push(["maintenance_work_mem", `${whole("maintenanceWorkMemMb", settings.maintenanceWorkMemMb)}MB`]);
  if (settings.jit !== undefined) pairs.push(["jit", settings.jit ? "on" : "off"]);
  if (settings.statementTimeoutMs !== undefined)
    pairs.push(["statement_timeout", `${whole("statementTimeoutMs", settings.statementTimeoutMs)}ms`]);
  return pairs;
}

/**
 * `settings` for the rest of the caller's transaction (SET LOCAL), e.g. a long rebuild lifting the
 * sessions' statement timeout (lib/db/client.ts SESSION_LIMITS) for itself.
 */
export async function applySettings(tx: Tx, settings: QuerySettings): Promise<void> {
  const pairs = configPairs(settings);
  if (pairs.length === 0) return;
  const calls = pairs.map(([name, value]) => Prisma.sql`set_config(${name}, ${value}, true)`);
  await tx.$queryRaw(Prisma.sql`SELECT ${Prisma.join(calls, ", ")}`);
}

/**
 * Runs `work` in a transaction whose statements get `settings` (set_config(…, true) is SET LOCAL),
 * for statements whose plans need more memory or time than the server's defaults give everyone.
 */
export async function runTuned<T>(
  settings: QuerySettings,
  limits: TransactionLimits,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return getDb().$transaction(
    async (tx) => {
      await applySettings(tx, settings);
      return work(tx);
    },
    limits.maxWaitMs === undefined
      ? { timeout: limits.timeoutMs }
      : { timeout: limits.timeoutMs, maxWait: limits.maxWaitMs },
  );
}
