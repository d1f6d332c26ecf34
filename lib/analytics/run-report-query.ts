import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs one report statement over raw events or per-profile rollups (funnels, retention) with
 * settings that fit it (SET LOCAL, this transaction only): their hash aggregates spilled to disk at
 * the default 4 MB work_mem, and JIT compilation cost more than it saved (EXPLAIN ANALYZE).
 */
export async function runReportQuery<T>(statement: Prisma.Sql): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL work_mem = '64MB'`);
      await tx.$executeRawUnsafe(`SET LOCAL jit = off`);
      await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = '60s'`);
      return tx.$queryRaw<T>(statement);
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
