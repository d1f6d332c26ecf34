import { runTuned } from "@/lib/db/tuned-query";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs one report statement over raw events or per-profile rollups (funnels, retention) with
 * settings that fit it (this transaction only): their hash aggregates spilled to disk at the
 * default 4 MB work_mem, and JIT compilation cost more than it saved (EXPLAIN ANALYZE).
 */
export async function runReportQuery<T>(statement: Prisma.Sql): Promise<T> {
  return runTuned(
    { workMemMb: 64, jit: false, statementTimeoutMs: 60_000 },
    { timeoutMs: 60_000, maxWaitMs: 30_000 },
    (tx) => tx.$queryRaw<T>(statement),
  );
}
