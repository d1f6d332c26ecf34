import { db } from "@/lib/db/client";

/** The statuses of a message not yet final: waiting for its time, or claimed by a worker. */
export const WAITING_STATUSES = ["queued", "sending"];

/** Whether a campaign still has messages to send (one indexed probe). */
export async function hasWaitingMessages(workspaceId: string, campaignId: string): Promise<boolean> {
  return (
    (await db.message.count({ where: { workspaceId, campaignId, status: { in: WAITING_STATUSES } }, take: 1 })) > 0
  );
}
