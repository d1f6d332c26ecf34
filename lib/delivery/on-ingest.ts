import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueTriggeredSends, type IngestedEvent } from "./triggers";

/** What delivery does with freshly stored events, inside the ingest transaction: triggered sends. */
export async function onEventsIngested(tx: Prisma.TransactionClient, workspaceId: string, events: readonly IngestedEvent[]): Promise<void> {
  await enqueueTriggeredSends(tx, workspaceId, events);
}
