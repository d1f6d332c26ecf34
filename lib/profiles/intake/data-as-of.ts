import { db } from "@/lib/db/client";
import { IMPORT_LANE, liveLaneOf } from "./lanes";
import { workspacePendingSql } from "./sql";

export type DataAsOf = {
  /** Everything that arrived before this moment is in events, rollups and traits. */
  asOf: Date;
  /** now − asOf: 0 when caught up. */
  lagMs: number;
  /** This workspace's calls captured and not folded yet (its live lane and the import lane). */
  pending: number;
  oldestPendingAt: Date | null;
};

/**
 * How far the fold has come for one workspace: data is complete up to the arrival of its oldest call
 * not folded yet, or up to now when nothing of it is pending. Only this workspace's calls count —
 * other tenants' backlog in the same lane is neither shown nor hinted at.
 */
export async function dataAsOf(workspaceId: string, now = new Date()): Promise<DataAsOf> {
  const [row] = await db.$queryRaw<{ pending: number; oldestPendingAt: Date | null }[]>(
    workspacePendingSql(workspaceId, [liveLaneOf(workspaceId), IMPORT_LANE]),
  );
  const pending = row?.pending ?? 0;
  const oldestPendingAt = pending > 0 ? (row?.oldestPendingAt ?? null) : null;
  // A call received "in the future" (a clock ahead of ours) must not show a date later than now.
  const asOf = oldestPendingAt && oldestPendingAt < now ? oldestPendingAt : now;
  return { asOf, lagMs: now.getTime() - asOf.getTime(), pending, oldestPendingAt };
}
