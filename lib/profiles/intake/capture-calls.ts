import { db } from "@/lib/db/client";
import { validateItems, type IngestOptions, type ItemResult } from "../ingest/ingest-calls";
import { ensurePartitionsOnce } from "./ensure-partitions";
import { IMPORT_LANE, liveLaneOf } from "./lanes";
import { captureCallsSql } from "./sql";

export type CaptureOptions = IngestOptions & {
  /** "import" for historical loads: their own lane, and their folds fire no triggered sends. */
  lane?: "live" | "import";
};

/**
 * Capture: every item validated as the synchronous path does (the same per-item refusals, an
 * in-batch repeat of a messageId "duplicate"), the valid calls appended to the intake in one short
 * autocommit statement, "accepted" once it committed. No profile is read or locked here; a replayed
 * messageId is accepted too and stored once by the fold, where (workspaceId, messageId) is unique.
 */
export async function captureCalls(
  workspaceId: string,
  items: unknown[],
  options: CaptureOptions = {},
): Promise<ItemResult[]> {
  const receivedAt = options.receivedAt ?? new Date();
  const { results, calls } = validateItems(items, { ...options, receivedAt });
  if (calls.length === 0) return results;
  await ensurePartitionsOnce(receivedAt);
  const lane = options.lane === "import" ? IMPORT_LANE : liveLaneOf(workspaceId);
  await db.$executeRaw(
    captureCallsSql(
      workspaceId,
      lane,
      receivedAt,
      calls.map((call) => ({ messageId: call.messageId, call })),
    ),
  );
  for (const call of calls) results[call.index] = { index: call.index, messageId: call.messageId, status: "accepted" };
  return results;
}
