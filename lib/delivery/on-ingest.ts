import type { Prisma } from "@/lib/generated/prisma/client";
import { attributeConversions } from "./tracking/attribute-conversions";
import { enqueueTriggeredSends, type IngestedEvent } from "./triggers";

/**
 * What delivery does with freshly stored track events, inside the ingest transaction: attribute
 * conversions to the last delivered message, and enqueue triggered sends.
 */
export async function onEventsIngested(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  events: readonly (IngestedEvent & { revenue: number | null })[],
): Promise<void> {
  await attributeConversions(tx, workspaceId, events);
  await enqueueTriggeredSends(tx, workspaceId, events);
}
