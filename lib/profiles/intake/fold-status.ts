import { db } from "@/lib/db/client";
import { laneKind, type LaneKind } from "./lanes";
import { foldStatusSql } from "./sql";

export type LaneStatus = {
  lane: number;
  kind: LaneKind;
  /** Captured calls committed and not folded yet. */
  pending: number;
  oldestPendingAt: Date | null;
  /** When the lane last folded anything (null: never). */
  lastFoldedAt: Date | null;
  /** How far folded data is behind capture: now − the oldest pending call's arrival; 0 when caught up. */
  lagMs: number;
  folded: number;
  refused: number;
};

export type FoldStatus = { lanes: LaneStatus[]; total: Omit<LaneStatus, "lane" | "kind"> };

/**
 * How far the fold is behind, per lane and in total: what a "data as of" indicator and the admin
 * health page read. Data is complete up to `now − lagMs`.
 */
export async function foldStatus(now = new Date()): Promise<FoldStatus> {
  const rows = await db.$queryRaw<
    {
      lane: number;
      foldedAt: Date | null;
      folded: bigint;
      pending: number;
      oldestPendingAt: Date | null;
      refused: number;
    }[]
  >(foldStatusSql());
  const lanes = rows.map((row) => ({
    lane: row.lane,
    kind: laneKind(row.lane),
    pending: row.pending,
    oldestPendingAt: row.oldestPendingAt,
    lastFoldedAt: row.foldedAt,
    lagMs: row.oldestPendingAt ? Math.max(0, now.getTime() - row.oldestPendingAt.getTime()) : 0,
    folded: Number(row.folded),
    refused: row.refused,
  }));
  const times = (pick: (lane: LaneStatus) => Date | null) =>
    lanes
      .map(pick)
      .filter((at): at is Date => at !== null)
      .map((at) => at.getTime());
  const oldest = times((lane) => lane.oldestPendingAt);
  const folded = times((lane) => lane.lastFoldedAt);
  return {
    lanes,
    total: {
      pending: lanes.reduce((sum, lane) => sum + lane.pending, 0),
      oldestPendingAt: oldest.length > 0 ? new Date(Math.min(...oldest)) : null,
      lastFoldedAt: folded.length > 0 ? new Date(Math.max(...folded)) : null,
      lagMs: Math.max(0, ...lanes.map((lane) => lane.lagMs)),
      folded: lanes.reduce((sum, lane) => sum + lane.folded, 0),
      refused: lanes.reduce((sum, lane) => sum + lane.refused, 0),
    },
  };
}

/**
 * Waits until the worker has folded every call committed so far (benches, scripts that read what they
 * just posted over HTTP); throws after `timeoutMs`. Returns how long it waited.
 */
export async function waitForFold(timeoutMs = 600_000, pollMs = 100): Promise<number> {
  const started = Date.now();
  while ((await foldStatus()).total.pending > 0) {
    if (Date.now() - started > timeoutMs) throw new Error(`the intake was not folded within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  return Date.now() - started;
}
