import { db } from "@/lib/db/client";
import { foldStatus, type FoldStatus } from "./fold-status";
import { latestRefusedSql, openTransactionsSql } from "./sql";

export type RefusedCall = {
  id: string;
  lane: number;
  messageId: string | null;
  field: string;
  reason: string;
  at: Date;
};

export type OpenTransaction = {
  pid: number;
  datname: string | null;
  state: string | null;
  xactStart: Date;
  ageMs: number;
  waitEventType: string | null;
  waitEvent: string | null;
  /** The first 120 characters of its current or last statement. */
  query: string | null;
  /** Set once it wrote: such a transaction holds the fold's horizon below it until it ends. */
  backendXid: string | null;
  backendXmin: string | null;
};

export type IngestHealth = {
  fold: FoldStatus;
  refused: RefusedCall[];
  /** null: the server does not show its sessions (PGlite may not), so nothing can be said. */
  openTransactions: OpenTransaction[] | null;
};

/** Open transactions younger than this are routine (a fold round, a request): not "holding back". */
export const HOLD_BACK_AFTER_MS = 1_000;

/**
 * The admin health page: the fold per lane (for the whole installation, as lanes are shared), this
 * workspace's latest refused calls only, and the server's oldest open transactions, which hold the fold
 * back. Their SQL text is another session's: the route shows this to admins only (docs/security.md).
 */
export async function ingestHealth(
  workspaceId: string,
  { now = new Date(), refusedLimit = 20, minAgeMs = HOLD_BACK_AFTER_MS } = {},
): Promise<IngestHealth> {
  const [fold, refused, openTransactions] = await Promise.all([
    foldStatus(now),
    db.$queryRaw<RefusedCall[]>(latestRefusedSql(workspaceId, refusedLimit)),
    db.$queryRaw<OpenTransaction[]>(openTransactionsSql(minAgeMs, 10)).catch(() => null),
  ]);
  return { fold, refused, openTransactions };
}
