import { ident, identList, qualified } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import { personaJoinSql } from "@/lib/personas/sql";
import { profileScopeSql, type ProfileScope } from "@/lib/profiles/ingest/sql";
import { MESSAGE_STAGES, type MessageStage } from "../message-stages";
import { sentAtSql } from "./recipients";

// MessageDaily's message counts: one column per stage (MESSAGE_STAGES), and the revenue.

const COUNTERS = Object.values(MESSAGE_STAGES);
const MESSAGE_DAILY_COLUMNS = Prisma.sql`("workspaceId", "day", "campaignId", "variantId", "channel", "personaId",
  ${identList(COUNTERS)}, "revenue")`;
const ADD_TO_ROW = Prisma.sql`
  ON CONFLICT ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId") DO UPDATE SET
  ${Prisma.join(COUNTERS.map((c) => Prisma.sql`${ident(c)} = "MessageDaily".${ident(c)} + excluded.${ident(c)}`))},
  "revenue" = "MessageDaily"."revenue" + excluded."revenue"`;

/** One MessageDaily row's counts to add: per stage column, and revenue. */
export type MessageDailyDelta = {
  day: string;
  campaignId: string;
  variantId: string;
  channel: string;
  personaId: string;
  counts: Partial<Record<MessageStage, number>>;
  revenue: number;
};

/** Adds rows (keys in order) to MessageDaily's counts. */
export function addMessageCountsSql(workspaceId: string, rows: readonly MessageDailyDelta[]): Prisma.Sql {
  const counts = COUNTERS.map((c) => Prisma.sql`${rows.map((r) => r.counts[c] ?? 0)}::int[]`);
  return Prisma.sql`
    INSERT INTO "MessageDaily" ${MESSAGE_DAILY_COLUMNS}
    SELECT ${workspaceId}, u.day::date, u.campaign_id, u.variant_id, u.channel, u.persona_id,
      ${Prisma.join(COUNTERS.map((c) => qualified("u", c)))}, u.revenue::numeric
    FROM unnest(${rows.map((r) => r.day)}::text[], ${rows.map((r) => r.campaignId)}::text[],
                ${rows.map((r) => r.variantId)}::text[], ${rows.map((r) => r.channel)}::text[],
                ${rows.map((r) => r.personaId)}::text[], ${Prisma.join(counts)},
                ${rows.map((r) => r.revenue.toFixed(2))}::text[])
      AS u(day, campaign_id, variant_id, channel, persona_id, ${identList(COUNTERS)}, revenue)
    ${ADD_TO_ROW}`;
}

/** MessageDaily's message counts of `profiles`' message events, added to what earlier ranges counted. */
export function countMessagesSql(workspaceId: string, assignment: Prisma.Sql | null, profiles: ProfileScope) {
  const names = Object.keys(MESSAGE_STAGES);
  const count = (name: string) => Prisma.sql`count(*) FILTER (WHERE e."name" = ${name})::int`;
  return Prisma.sql`
    INSERT INTO "MessageDaily" ${MESSAGE_DAILY_COLUMNS}
    SELECT ${workspaceId}, ${sentAtSql("e")}::date, e."campaignId", coalesce(e."variantId", ''), e."channel",
           coalesce(pa."personaId", ''),
           ${Prisma.join(names.map(count))},
           coalesce(sum(CASE WHEN e."name" = 'message_converted' THEN (e."properties"->>'revenue')::numeric END), 0)
    FROM "Event" e
    ${personaJoinSql(assignment, Prisma.sql`e."profileId"`)}
    WHERE e."workspaceId" = ${workspaceId} ${profileScopeSql(profiles, Prisma.sql`e."profileId"`)}
      AND e."name" IN (${Prisma.join(names)}) AND e."campaignId" IS NOT NULL AND e."channel" IS NOT NULL
    GROUP BY 2, 3, 4, 5, 6
    ${ADD_TO_ROW}`;
}

/** A workspace's message rollups emptied before a rebuild. */
export const clearMessageDailySql = (workspaceId: string) =>
  Prisma.sql`DELETE FROM "MessageDaily" WHERE "workspaceId" = ${workspaceId}`;
export const clearCampaignRecipientsSql = (workspaceId: string) =>
  Prisma.sql`DELETE FROM "CampaignRecipient" WHERE "workspaceId" = ${workspaceId}`;
export const clearCampaignLinkClickersSql = (workspaceId: string) =>
  Prisma.sql`DELETE FROM "CampaignLinkClicker" WHERE "workspaceId" = ${workspaceId}`;

export const messageDailyRowsSql = (workspaceId: string) =>
  Prisma.sql`SELECT count(*)::int AS rows FROM "MessageDaily" WHERE "workspaceId" = ${workspaceId}`;

/** Workspaces with campaign message events (`names`) and no MessageDaily row: their rollups were dropped. */
export const workspacesWithoutMessageRollupsSql = (names: readonly string[]) => Prisma.sql`
  SELECT w."id" FROM "Workspace" w
  WHERE NOT EXISTS (SELECT 1 FROM "MessageDaily" d WHERE d."workspaceId" = w."id")
    AND EXISTS (SELECT 1 FROM "Event" e WHERE e."workspaceId" = w."id" AND e."name" = ANY(${names}::text[])
                  AND e."campaignId" IS NOT NULL)`;
