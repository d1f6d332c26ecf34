import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProfileScope } from "@/lib/profiles/ingest/sql";
import { inKeyOrder } from "@/lib/db/key-order";
import { addLinkClicksSql, rebuildLinkClickersSql, type LinkClickerRow } from "@/lib/delivery/sql/link-clickers";

type Tx = Prisma.TransactionClient;

/** Links are kept to this many characters: enough to tell them apart, and within a B-tree key. */
export const LINK_KEY_LENGTH = 1000;
const linkKey = (url: unknown) => (typeof url === "string" ? url.slice(0, LINK_KEY_LENGTH) : "");

export type LinkClick = { campaignId: string; profileId: string; url: unknown; at: Date };

/**
 * Counts clicks per (campaign, link, profile) in CampaignLinkClicker, in the caller's transaction
 * (the one writing the click events): the campaign report's top links sum clicks and count clickers
 * from it. A click without a recorded link counts under "".
 */
export async function recordLinkClicks(tx: Tx, workspaceId: string, clicks: readonly LinkClick[]): Promise<void> {
  if (clicks.length === 0) return;
  const rows = new Map<string, LinkClickerRow>();
  for (const c of clicks) {
    const url = linkKey(c.url);
    const key = [c.campaignId, url, c.profileId].join("\u0000");
    const row = rows.get(key);
    if (row) {
      row.clicks++;
      if (c.at < row.first) row.first = c.at;
    } else rows.set(key, { campaignId: c.campaignId, url, profileId: c.profileId, clicks: 1, first: c.at });
  }
  await tx.$executeRaw(addLinkClicksSql(workspaceId, inKeyOrder(rows)));
}

/**
 * CampaignLinkClicker recomputed from the message_clicked events of the profiles in `profiles`, in the
 * caller's transaction (which emptied it first).
 */
export async function rebuildCampaignLinkClickers(tx: Tx, workspaceId: string, profiles: ProfileScope): Promise<void> {
  await tx.$executeRaw(rebuildLinkClickersSql(workspaceId, profiles, LINK_KEY_LENGTH));
}
