import type { Tx } from "@/lib/db/client";
import type { RecentSend } from "./evaluate-policy";
import type { WorkspacePolicy } from "./schema";

const DAY = 86_400_000;

/** How far back the caps look: the longest cap window before `now` (now itself when there are no caps). */
export function capWindowStart(policy: Pick<WorkspacePolicy, "caps">, now: Date): Date {
  const days = Math.max(0, ...policy.caps.map((c) => c.days));
  return new Date(now.getTime() - days * DAY);
}

/**
 * The messages each profile was sent since `since` (status sent or delivered), for a batch of
 * recipients in one query over Message's (workspaceId, profileId, sentAt) index. Every asked-for
 * profile has an entry, empty when nothing was sent.
 */
export async function recentSendsFor(
  tx: Tx,
  workspaceId: string,
  profileIds: readonly string[],
  since: Date,
): Promise<Map<string, RecentSend[]>> {
  const result = new Map<string, RecentSend[]>(profileIds.map((id) => [id, []]));
  if (profileIds.length === 0) return result;
  const rows = await tx.message.findMany({
    where: {
      workspaceId,
      profileId: { in: [...new Set(profileIds)] },
      status: { in: ["sent", "delivered"] },
      sentAt: { gte: since },
    },
    select: { profileId: true, channel: true, sentAt: true },
  });
  for (const row of rows) result.get(row.profileId)?.push({ channel: row.channel, sentAt: row.sentAt! });
  return result;
}
