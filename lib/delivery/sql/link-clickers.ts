import { Prisma } from "@/lib/generated/prisma/client";
import { profileScopeSql, type ProfileScope } from "@/lib/profiles/ingest/sql";

// CampaignLinkClicker: clicks and the first click per (campaign, link, profile) — campaign-link-clickers.ts.

const ADD_CLICKS = Prisma.sql`ON CONFLICT ("workspaceId", "campaignId", "url", "profileId") DO UPDATE SET
  "clicks" = "CampaignLinkClicker"."clicks" + excluded."clicks",
  "firstClickAt" = least("CampaignLinkClicker"."firstClickAt", excluded."firstClickAt")`;

/** One (campaign, link, profile)'s clicks of a batch. */
export type LinkClickerRow = { campaignId: string; url: string; profileId: string; clicks: number; first: Date };

/** Adds a batch's clicks (keys in order); the earliest first click stays. */
export const addLinkClicksSql = (workspaceId: string, rows: readonly LinkClickerRow[]) => Prisma.sql`
  INSERT INTO "CampaignLinkClicker" ("workspaceId", "campaignId", "url", "profileId", "clicks", "firstClickAt")
  SELECT ${workspaceId}, u.campaign_id, u.url, u.profile_id, u.clicks, u.first_at::timestamp
  FROM unnest(${rows.map((r) => r.campaignId)}::text[], ${rows.map((r) => r.url)}::text[],
              ${rows.map((r) => r.profileId)}::text[], ${rows.map((r) => r.clicks)}::int[],
              ${rows.map((r) => r.first.toISOString())}::text[])
    WITH ORDINALITY AS u(campaign_id, url, profile_id, clicks, first_at, n)
  ORDER BY u.n
  ${ADD_CLICKS}`;

/** CampaignLinkClicker from the message_clicked events of `profiles`; links cut to `keyLength` characters. */
export const rebuildLinkClickersSql = (workspaceId: string, profiles: ProfileScope, keyLength: number) => Prisma.sql`
  INSERT INTO "CampaignLinkClicker" ("workspaceId", "campaignId", "url", "profileId", "clicks", "firstClickAt")
  SELECT ${workspaceId}, "campaignId",
    CASE WHEN jsonb_typeof("properties"->'url') = 'string' THEN left("properties"->>'url', ${keyLength}::int)
      ELSE '' END,
    "profileId", count(*)::int, min("occurredAt")
  FROM "Event"
  WHERE "workspaceId" = ${workspaceId} ${profileScopeSql(profiles)} AND "name" = 'message_clicked'
    AND "campaignId" IS NOT NULL
  GROUP BY 2, 3, 4`;

/** Moves a merged profile's link clicks to the surviving one: clicks add up, the earliest first click stays. */
export const mergeLinkClickersSql = (workspaceId: string, from: string, into: string) => Prisma.sql`
  WITH gone AS (
    DELETE FROM "CampaignLinkClicker" WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${from}
    RETURNING "campaignId", "url", "clicks", "firstClickAt")
  INSERT INTO "CampaignLinkClicker" ("workspaceId", "campaignId", "url", "profileId", "clicks", "firstClickAt")
  SELECT ${workspaceId}, "campaignId", "url", ${into}, "clicks", "firstClickAt" FROM gone ORDER BY "campaignId", "url"
  ${ADD_CLICKS}`;
