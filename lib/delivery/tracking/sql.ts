import { ident } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";

const OUTCOME_COLUMNS = {
  message_opened: "openedAt",
  message_clicked: "clickedAt",
  message_converted: "convertedAt",
} as const;
export type TimedOutcome = keyof typeof OUTCOME_COLUMNS;

/** Stamps the outcome's time on each message, keeping the first one. */
export const stampMessagesSql = (workspaceId: string, name: TimedOutcome, messageIds: string[], at: string[]) => {
  const column = ident(OUTCOME_COLUMNS[name]);
  return Prisma.sql`
    UPDATE "Message" m SET ${column} = coalesce(m.${column}, u.at::timestamp)
    FROM unnest(${messageIds}::text[], ${at}::text[]) AS u(id, at)
    WHERE m."workspaceId" = ${workspaceId} AND m."id" = u.id`;
};

export const isTimedOutcome = (name: string): name is TimedOutcome => name in OUTCOME_COLUMNS;

/**
 * For each new event that can convert (a purchase, or some campaign's goal event), the last
 * message delivered (or sent) to its profile before it, among campaigns whose goal it is (a
 * purchase converts for every campaign) and whose attribution window still covers it. Reads
 * Message's (workspaceId, profileId, sentAt) index: a message delivered before the event was sent
 * before it, and no window is longer than 30 days.
 */
export const lastMessagesBeforeSql = (
  workspaceId: string,
  rows: {
    profileIds: string[];
    names: string[];
    occurredAt: string[];
    eventIds: string[];
    revenues: (string | null)[];
  },
) => Prisma.sql`
  WITH input AS (
    SELECT * FROM unnest(${rows.profileIds}::text[], ${rows.names}::text[], ${rows.occurredAt}::text[],
      ${rows.eventIds}::text[], ${rows.revenues}::text[])
      AS u(profile_id, name, occurred_at, event_id, revenue)
    WHERE u.name = 'purchase' OR u.name IN (SELECT DISTINCT "goalEvent" FROM "Campaign" WHERE "workspaceId" =
      ${workspaceId})
  )
  SELECT i.event_id AS "eventId", i.occurred_at AS "occurredAt", i.revenue, m."id", m."profileId", m."campaignId",
    m."variantId", m."channel", m."personaId",
         m."sentAt", m."convertedAt" IS NOT NULL AS "converted"
  FROM input i
  CROSS JOIN LATERAL (
    SELECT m.* FROM "Message" m JOIN "Campaign" c ON c."workspaceId" = m."workspaceId" AND c."id" = m."campaignId"
    WHERE m."workspaceId" = ${workspaceId} AND m."profileId" = i.profile_id AND m."status" IN ('sent', 'delivered')
      AND m."sentAt" <= i.occurred_at::timestamp AND m."sentAt" > i.occurred_at::timestamp - interval '31 days'
      AND coalesce(m."deliveredAt", m."sentAt") <= i.occurred_at::timestamp
      AND coalesce(m."deliveredAt", m."sentAt") > i.occurred_at::timestamp - make_interval(hours =>
        c."attributionHours")
      AND (i.name = 'purchase' OR i.name = c."goalEvent")
    ORDER BY coalesce(m."deliveredAt", m."sentAt") DESC, m."id" DESC
    LIMIT 1
  ) m
  ORDER BY i.occurred_at, i.event_id`;

/** A message with only its stored links (LINKS_KEY), not the whole rendered HTML: what /r needs. */
export const messageLinksSql = (workspaceId: string, messageId: string, linksKey: string) => Prisma.sql`
  SELECT "workspaceId", "id", "profileId", "campaignId", "variantId", "channel", "personaId", "sentAt", "rendered" ->
    ${linksKey}::text AS "links"
  FROM "Message" WHERE "workspaceId" = ${workspaceId} AND "id" = ${messageId}`;

/** Locks a profile's row against concurrent preference changes, for the rest of the transaction. */
export const lockProfileSql = (workspaceId: string, profileId: string) =>
  Prisma.sql`SELECT 1 FROM "Profile" WHERE "workspaceId" = ${workspaceId} AND "id" = ${profileId} FOR NO KEY UPDATE`;
