import { db } from "@/lib/db/client";
import { createPartitionSql, partitionsLockSql } from "./sql";

const DAY_MS = 86_400_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);

/** The partition holding calls received on `day` (yyyy-mm-dd, UTC). */
export const partitionName = (day: string) => `call_${day.replaceAll("-", "")}`;

/** The UTC day a partition named by partitionName holds; null for any other table (the default partition). */
export function partitionDay(name: string): string | null {
  const match = /^call_(\d{4})(\d{2})(\d{2})$/.exec(name);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

/**
 * Creates today's and tomorrow's partitions (UTC) if missing. Never throws: a capture must not fail
 * for want of a partition (the default partition takes the rows), and a day whose rows already sit
 * in the default partition cannot get its own (PostgreSQL refuses) — they stay there until retention.
 */
export async function ensurePartitions(now = new Date()): Promise<void> {
  for (const offset of [0, 1]) {
    const day = isoDay(new Date(now.getTime() + offset * DAY_MS));
    const next = isoDay(new Date(now.getTime() + (offset + 1) * DAY_MS));
    try {
      await db.$transaction(async (tx) => {
        await tx.$executeRaw(partitionsLockSql());
        await tx.$executeRaw(createPartitionSql(partitionName(day), day, next));
      });
    } catch (error) {
      console.error(`intake: could not create the partition for ${day}:`, (error as Error).message);
    }
  }
}

let ensuredFor: string | null = null;

/** ensurePartitions once per process and day: what capture calls before its insert. */
export async function ensurePartitionsOnce(now = new Date()): Promise<void> {
  const day = isoDay(now);
  if (ensuredFor === day) return;
  await ensurePartitions(now);
  ensuredFor = day;
}
