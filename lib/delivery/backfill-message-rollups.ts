import { db } from "@/lib/db/client";
import { MESSAGE_EVENT_NAMES } from "./message-stages";
import { rebuildMessageDaily } from "./message-daily";
import { workspacesWithoutMessageRollupsSql } from "@/lib/delivery/sql/message-daily";

/**
 * Databases whose message rollups were dropped by a migration that changed how they count (the
 * latest: 20261206220341, campaign-attributed reports) get them back once, from the raw message
 * events: every workspace with a message event and no MessageDaily row. The worker runs this at
 * start, before delivering anything; afterwards delivery keeps the rollups as it writes events.
 */
export async function backfillMessageRollups(now = new Date(), report?: (line: string) => void): Promise<number> {
  const pending = await db.$queryRaw<{ id: string }[]>(workspacesWithoutMessageRollupsSql(MESSAGE_EVENT_NAMES));
  for (const { id } of pending) await rebuildMessageDaily(id, now, { report });
  return pending.length;
}
