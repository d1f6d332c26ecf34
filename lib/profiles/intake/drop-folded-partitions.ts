import { db } from "@/lib/db/client";
import { partitionDay } from "./ensure-partitions";
import {
  dropPartitionSql,
  lockIntakeSql,
  lockTimeoutSql,
  partitionHasRowsSql,
  partitionInUseSql,
  partitionsSql,
  truncatePartitionSql,
} from "./sql";

/** How long folded calls stay in the intake, to fold again after a bug fix or restore. */
export const REPLAY_WINDOW_DAYS = 3;
const DAY_MS = 86_400_000;

/**
 * Retention: drops each day's partition once every lane's cursor has passed all its rows and the day
 * ended more than the replay window ago — a whole table at a time, never a row-by-row DELETE. The
 * default partition (calls that arrived before their day's partition existed) is emptied by the same
 * rule. A partition a capture or fold is using is left for the next round. Returns what was dropped.
 */
export async function dropFoldedPartitions(now = new Date(), windowDays = REPLAY_WINDOW_DAYS): Promise<string[]> {
  const before = new Date(now.getTime() - windowDays * DAY_MS);
  const partitions = await db.$queryRaw<{ name: string }[]>(partitionsSql());
  const dropped: string[] = [];
  for (const { name } of partitions) {
    const day = partitionDay(name);
    const isDefault = day === null;
    if (!isDefault && new Date(`${day}T00:00:00Z`).getTime() + DAY_MS > before.getTime()) continue;
    // Asked first without the lock, which stalls every capture while it waits: most rounds find the
    // default partition empty and today's backlog in use, and lock nothing.
    if (!(await droppable(name, isDefault, before))) continue;
    try {
      const done = await db.$transaction(async (tx) => {
        await tx.$queryRaw(lockTimeoutSql());
        await tx.$executeRaw(lockIntakeSql());
        // Checked under the lock: nothing can be captured into it or folded from it meanwhile.
        const [row] = await tx.$queryRaw<{ inUse: boolean }[]>(partitionInUseSql(name, before));
        if (row?.inUse !== false) return false;
        await tx.$executeRaw(isDefault ? truncatePartitionSql(name) : dropPartitionSql(name));
        return !isDefault;
      });
      if (done) dropped.push(name);
    } catch (error) {
      console.error(`intake: retention skipped ${name}:`, (error as Error).message);
    }
  }
  return dropped;
}

async function droppable(name: string, isDefault: boolean, before: Date): Promise<boolean> {
  if (isDefault) {
    const [row] = await db.$queryRaw<{ hasRows: boolean }[]>(partitionHasRowsSql(name));
    if (row?.hasRows !== true) return false;
  }
  const [row] = await db.$queryRaw<{ inUse: boolean }[]>(partitionInUseSql(name, before));
  return row?.inUse === false;
}
