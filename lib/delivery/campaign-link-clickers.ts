import { Prisma } from "@/lib/generated/prisma/client";
import { profileScopeSql, type ProfileScope } from "@/lib/profiles/ingest/sql";
import { inKeyOrder } from "@/lib/db/key-order";

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
  const rows = new Map<string, { campaignId: string; url: string; profileId: string; clicks: number; first: Date }>();
  for (const c of clicks) {
    const url = linkKey(c.url);
    const key = [c.campaignId, url, c.profileId].join("\u0000");
    const row = rows.get(key);
    if (row) {
      row.clicks++;
      if (c.at < row.first) row.first = c.at;
    } else rows.set(key, { campaignId: c.campaignId, url, profileId: c.profileId, clicks: 1, first: c.at });
  }
  const list = inKeyOrder(rows);
  await tx.$executeRaw`
    INSERT INTO "CampaignLinkClicker" ("workspaceId", "campaignId", "url", "profileId", "clicks", "firstClickAt")
    SELECT ${workspaceId}, u.campaign_id, u.url, u.profile_id, u.clicks, u.first_at::timestamp
    FROM unnest(${list.map((r) => r.campaignId)}::text[], ${list.map((r) => r.url)}::text[], ${list.map((r) => r.profileId)}::text[],
                ${list.map((r) => r.clicks)}::int[], ${list.map((r) => r.first.toISOString())}::text[]) WITH ORDINALITY AS u(campaign_id, url, profile_id, clicks, first_at, n)
    ORDER BY u.n
    ON CONFLICT ("workspaceId", "campaignId", "url", "profileId") DO UPDATE SET
      "clicks" = "CampaignLinkClicker"."clicks" + excluded."clicks", "firstClickAt" = least("CampaignLinkClicker"."firstClickAt", excluded."firstClickAt")`;
}

/** CampaignLinkClicker recomputed from the message_clicked events of the profiles in `profiles`, in the caller's transaction (which emptied it first). */
export async function rebuildCampaignLinkClickers(tx: Tx, workspaceId: string, profiles: ProfileScope): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "CampaignLinkClicker" ("workspaceId", "campaignId", "url", "profileId", "clicks", "firstClickAt")
    SELECT ${workspaceId}, "campaignId", CASE WHEN jsonb_typeof("properties"->'url') = 'string' THEN left("properties"->>'url', ${LINK_KEY_LENGTH}::int) ELSE '' END,
      "profileId", count(*)::int, min("occurredAt")
    FROM "Event"
    WHERE "workspaceId" = ${workspaceId} ${profileScopeSql(profiles)} AND "name" = 'message_clicked' AND "campaignId" IS NOT NULL
    GROUP BY 2, 3, 4`;
}
