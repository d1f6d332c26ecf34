import type { Prisma } from "@/lib/generated/prisma/client";
import { attributeConversions } from "./tracking/attribute-conversions";
import { enqueueTriggeredSends, type IngestedEvent } from "./triggers";

/**
 * What delivery does with freshly stored track events, inside the ingest transaction: attribute
 * conversions to the last delivered message, and enqueue triggered sends for the events `triggers`
 * lets through (every one when absent; the intake fold holds back late and imported events).
 */
export async function onEventsIngested(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  events: readonly (IngestedEvent & { revenue: number | null })[],
  triggers: (event: IngestedEvent) => boolean = () => true,
): Promise<void> {
  await attributeConversions(tx, workspaceId, events);
  const triggering = events.filter(triggers);
  if (triggering.length > 0) await enqueueTriggeredSends(tx, workspaceId, triggering);
}
