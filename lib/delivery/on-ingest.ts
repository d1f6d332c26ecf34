import type { Prisma } from "@/lib/generated/prisma/client";
import { enterJourneys } from "@/lib/journeys/engine/enter-journeys";
import { releaseWaits } from "@/lib/journeys/engine/release-waits";
import { attributeConversions } from "./tracking/attribute-conversions";
import { enqueueTriggeredSends, type IngestedEvent } from "./triggers";

/**
 * What delivery does with freshly stored track events, inside the ingest transaction: attribute
 * conversions to the last delivered message, and for the events `triggers` lets through (every one
 * when absent; the intake fold holds back late and imported events) enqueue triggered sends, move
 * profiles already in journeys (goals, exit criteria, waits for an event), then enter journeys.
 * Releasing before entering: an event never moves the entry it has just started.
 */
export async function onEventsIngested(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  events: readonly (IngestedEvent & { revenue: number | null })[],
  triggers: (event: IngestedEvent) => boolean = () => true,
): Promise<void> {
  await attributeConversions(tx, workspaceId, events);
  const triggering = events.filter(triggers);
  if (triggering.length === 0) return;
  await enqueueTriggeredSends(tx, workspaceId, triggering);
  await releaseWaits(tx, workspaceId, triggering);
  await enterJourneys(tx, workspaceId, triggering);
}
