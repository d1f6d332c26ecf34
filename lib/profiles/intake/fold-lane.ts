import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";
import { retryLostRaces, storeCalls, type ItemResult, type StoreOptions } from "../ingest/ingest-calls";
import type { Call } from "../ingest/normalize-call";
import { foldStatus } from "./fold-status";
import { IMPORT_LANE } from "./lanes";
import {
  advanceCursorSql,
  existingWorkspacesSql,
  foldableLanesSql,
  lockCursorSql,
  nextCallsSql,
  recordRefusedSql,
  type RefusedRow,
} from "./sql";

/** Rows a fold round takes at most: one transaction, rollups pre-aggregated per key over all of them. */
export const FOLD_BATCH = 2_000;

/**
 * The lateness bound: a folded track event fires triggered sends only if it occurred at most this
 * long before the fold (a phone that was offline for a day should not get a "you left something in
 * your cart" now). Conversions are attributed whatever the event's age.
 */
export const TRIGGER_LATENESS_MS = 60 * 60_000;

export type FoldResult = {
  lane: number;
  /** Intake rows the round passed (stored, repeated or refused). */
  folded: number;
  refused: number;
  /** Another worker held the lane. */
  skipped: boolean;
};

type IntakeRow = {
  xid: string;
  seq: bigint;
  workspaceId: string;
  messageId: string;
  receivedAt: Date;
  call: Omit<Call, "occurredAt" | "receivedAt"> & { occurredAt: string; receivedAt: string };
};

/**
 * One fold round of a lane, in one transaction: the lane's cursor locked (a lane another worker is
 * folding is skipped), the next committed rows read in commit order, stored per workspace by the
 * synchronous path's storeCalls, refusals recorded, the cursor advanced past them. A round that
 * fails leaves the cursor where it was and nothing of itself behind. Races for a new id or a
 * deadlock run the round again, as ingestCalls does.
 */
export async function foldLane(
  lane: number,
  options: { limit?: number; now?: Date; beforeCommit?: () => Promise<void> } = {},
): Promise<FoldResult> {
  return retryLostRaces(() =>
    db.$transaction((tx) => foldRound(tx, lane, options), {
      timeout: 120_000,
      maxWait: 30_000,
      isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted,
    }),
  );
}

async function foldRound(
  tx: Tx,
  lane: number,
  options: { limit?: number; now?: Date; beforeCommit?: () => Promise<void> },
): Promise<FoldResult> {
  const [cursor] = await tx.$queryRaw<{ xid: string; seq: bigint; horizon: string }[]>(lockCursorSql(lane));
  if (!cursor) return { lane, folded: 0, refused: 0, skipped: true };
  const rows = await tx.$queryRaw<IntakeRow[]>(nextCallsSql(lane, cursor, cursor.horizon, options.limit ?? FOLD_BATCH));
  if (rows.length === 0) return { lane, folded: 0, refused: 0, skipped: false };

  const now = options.now ?? new Date();
  const store: StoreOptions = {
    triggers:
      lane === IMPORT_LANE ? () => false : (event) => now.getTime() - event.occurredAt.getTime() <= TRIGGER_LATENESS_MS,
  };
  const refused: RefusedRow[] = [];
  const byWorkspace = new Map<string, IntakeRow[]>();
  for (const row of rows) {
    const list = byWorkspace.get(row.workspaceId);
    if (list) list.push(row);
    else byWorkspace.set(row.workspaceId, [row]);
  }
  const existing = new Set(
    (await tx.$queryRaw<{ id: string }[]>(existingWorkspacesSql([...byWorkspace.keys()]))).map((w) => w.id),
  );
  for (const [workspaceId, workspaceRows] of byWorkspace) {
    if (!existing.has(workspaceId)) {
      for (const row of workspaceRows)
        refused.push({
          workspaceId,
          messageId: row.messageId,
          field: "workspaceId",
          reason: "The workspace was deleted before the call was stored.",
          call: row.call,
        });
      continue;
    }
    // A messageId captured twice (an SDK's retry) is stored once, as first committed.
    const seen = new Map<string, IntakeRow>();
    const calls: Call[] = [];
    for (const row of workspaceRows) {
      if (seen.has(row.messageId)) continue;
      seen.set(row.messageId, row);
      calls.push({
        ...row.call,
        index: calls.length,
        occurredAt: new Date(row.call.occurredAt),
        receivedAt: new Date(row.call.receivedAt),
      });
    }
    const results = new Array<ItemResult>(calls.length);
    await storeCalls(tx, workspaceId, calls, results, store);
    for (const result of results)
      if (result?.status === "rejected")
        refused.push({
          workspaceId,
          messageId: result.messageId,
          field: result.field,
          reason: result.reason,
          call: result.messageId === null ? null : (seen.get(result.messageId)?.call ?? null),
        });
  }
  if (refused.length > 0) await tx.$executeRaw(recordRefusedSql(lane, refused));
  const last = rows[rows.length - 1]!;
  await tx.$executeRaw(advanceCursorSql(lane, last, rows.length));
  await options.beforeCommit?.();
  return { lane, folded: rows.length, refused: refused.length, skipped: false };
}

/** The lanes with committed calls to fold, as the worker polls for them (no lock taken). */
export async function foldableLanes(): Promise<number[]> {
  return (await db.$queryRaw<{ lane: number }[]>(foldableLanesSql())).map((row) => row.lane);
}

/**
 * Sets aside the next call of a lane that keeps failing its fold, so the calls behind it are not
 * held up for ever: recorded in tailor_intake.refused (field "(item)", the error, the call itself to
 * capture again once the cause is fixed) and passed by the cursor. Null when there was none or
 * another worker holds the lane.
 */
export async function setAsideNextCall(lane: number, error: string): Promise<string | null> {
  return db.$transaction(async (tx) => {
    const [cursor] = await tx.$queryRaw<{ xid: string; seq: bigint; horizon: string }[]>(lockCursorSql(lane));
    if (!cursor) return null;
    const [row] = await tx.$queryRaw<IntakeRow[]>(nextCallsSql(lane, cursor, cursor.horizon, 1));
    if (!row) return null;
    const reason = `The call could not be stored: ${error.split("\n")[0]!.slice(0, 300)}`;
    await tx.$executeRaw(
      recordRefusedSql(lane, [
        { workspaceId: row.workspaceId, messageId: row.messageId, field: "(item)", reason, call: row.call },
      ]),
    );
    await tx.$executeRaw(advanceCursorSql(lane, row, 1));
    return row.messageId;
  });
}

/** Consecutive failed rounds of a lane after which its next call is set aside (one-call rounds after the first). */
export const SET_ASIDE_AFTER = 5;

/**
 * A fold round as the worker runs it: after a failed round the lane folds one call per round, so a
 * call that cannot be stored is found; when that keeps failing it is set aside (setAsideNextCall).
 * `failures` carries each lane's consecutive failures from round to round.
 */
export async function foldLaneGuarded(
  lane: number,
  failures: Map<number, number>,
): Promise<FoldResult & { setAside: string | null; error: string | null }> {
  const failed = failures.get(lane) ?? 0;
  try {
    const result = await foldLane(lane, failed > 0 ? { limit: 1 } : {});
    if (!result.skipped) failures.delete(lane);
    return { ...result, setAside: null, error: null };
  } catch (error) {
    const message = (error as Error).message;
    failures.set(lane, failed + 1);
    if (failed + 1 < SET_ASIDE_AFTER)
      return { lane, folded: 0, refused: 0, skipped: false, setAside: null, error: message };
    const setAside = await setAsideNextCall(lane, message);
    failures.delete(lane);
    return { lane, folded: 0, refused: setAside ? 1 : 0, skipped: false, setAside, error: message };
  }
}

/**
 * Folds every lane until every call committed so far is folded (tests, benches, one-off scripts):
 * what the worker's fold loop does continuously. Rows behind a capture still open elsewhere, or in a
 * lane another worker holds, are waited for. Returns the rows this call folded.
 */
export async function foldAll(options: { limit?: number; now?: Date } = {}): Promise<number> {
  let total = 0;
  for (;;) {
    let round = 0;
    for (const lane of await foldableLanes()) round += (await foldLane(lane, options)).folded;
    total += round;
    if (round > 0) continue;
    if ((await foldStatus()).total.pending === 0) return total;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
