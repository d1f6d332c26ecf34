import { runTuned } from "@/lib/db/tuned-query";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs one segment statement with settings that fit it, for this transaction only:
 * - work_mem 64 MB: at the default 4 MB the per-profile hash aggregates of a 1M-profile audience
 *   spill to disk in batches;
 * - no JIT: compiling the statement's many expressions cost 90–300 ms on every count, more than
 *   it saved (bench/segments.ts on 1M profiles: worst total p95 3.0 s → 1.9 s);
 * - a statement timeout as long as the transaction's: when the client gives up, the server stops
 *   too, instead of running a bad plan on for minutes and holding its locks.
 * Prisma's default 5 s would cut off a large count; the embedded database serialises transactions,
 * hence the generous wait for a turn.
 */
export async function runSegmentQuery<T>(statement: Prisma.Sql): Promise<T> {
  return runTuned(
    { workMemMb: 64, jit: false, statementTimeoutMs: 120_000 },
    { timeoutMs: 120_000, maxWaitMs: 30_000 },
    (tx) => tx.$queryRaw<T>(statement),
  );
}
