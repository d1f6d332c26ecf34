import { db } from "@/lib/db";
import { personaAssignmentSql } from "@/lib/personas/assign-personas";
import { rebuildRecipientRollups } from "./message-daily";

/**
 * Databases whose message history predates CampaignRecipient and CampaignLinkClicker (migrations
 * 20261205192612 and 20261205195744) get their unique-profile counts and clicks per link once, from
 * the raw message events, with today's persona assignment: every workspace with delivered or
 * engaged messages in MessageDaily and no CampaignRecipient row. The worker runs this at start,
 * before delivering anything; afterwards delivery keeps both as it writes events.
 */
export async function backfillCampaignRecipients(now = new Date()): Promise<number> {
  const pending = await db.$queryRaw<{ workspaceId: string }[]>`
    SELECT DISTINCT d."workspaceId" FROM "MessageDaily" d
    WHERE d."delivered" + d."opened" + d."clicked" + d."converted" > 0 AND NOT EXISTS (SELECT 1 FROM "CampaignRecipient" r WHERE r."workspaceId" = d."workspaceId")`;
  for (const { workspaceId } of pending) {
    const assignment = await personaAssignmentSql(workspaceId, now);
    await db.$transaction((tx) => rebuildRecipientRollups(tx, workspaceId, assignment), { timeout: 600_000 });
  }
  return pending.length;
}
