import { db, type Tx } from "@/lib/db/client";
import type { TrackedMessage } from "./record-outcomes";
import type { MessageRef } from "./token";

export const TRACKED_MESSAGE_SELECT = {
  workspaceId: true,
  id: true,
  profileId: true,
  campaignId: true,
  variantId: true,
  channel: true,
  personaId: true,
  sentAt: true,
} as const;

/** The message a verified token names, or null (deleted since, or never in this workspace). */
export async function findTrackedMessage(
  ref: MessageRef,
  client: Tx = db,
): Promise<(TrackedMessage & { rendered: unknown }) | null> {
  return client.message.findUnique({
    where: { workspaceId_id: { workspaceId: ref.workspaceId, id: ref.messageId } },
    select: { ...TRACKED_MESSAGE_SELECT, rendered: true },
  });
}
