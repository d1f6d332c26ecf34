import { ident, identList, qualified } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import { personaJoinSql } from "@/lib/personas/sql";
import { profileScopeSql, type ProfileScope } from "@/lib/profiles/ingest/sql";
import { DIMS, FIRST_CONTACT, STAGES, type Contact, type Stage } from "../first-contact";

// CampaignRecipient and MessageDaily's unique counts (campaign-recipients.ts). Stage names double
// as column aliases of the statements' row sets (u.message_opened, d.message_opened).

const column = (s: Stage) => ident(FIRST_CONTACT[s].column);
const counter = (s: Stage) => ident(FIRST_CONTACT[s].counter);
const stageAliases = identList(STAGES);
const MESSAGE_DAILY_KEY = Prisma.sql`("workspaceId", "day", "campaignId", "variantId", "channel", "personaId")`;
const RECIPIENT_COLUMNS = Prisma.sql`("workspaceId", "campaignId", "profileId", "variantId", "channel", "personaId",
  "sentAt", ${Prisma.join(STAGES.map(column))})`;
const UNIQUE_COUNT_COLUMNS = Prisma.sql`("workspaceId", "day", "campaignId", "variantId", "channel", "personaId",
  ${Prisma.join(STAGES.map(counter))})`;

/** The send instant of a message event: its properties.sentAt (delivery and the demo write it), else its time. */
export const sentAtSql = (alias: string) =>
  Prisma.sql`coalesce(tailor_sent_at(${qualified(alias, "properties")}->>'sentAt'), ${qualified(alias, "occurredAt")})`;

/** Where a CampaignRecipient row's stages and dimensions are, in the row as it is now or as it was. */
type RecipientRow = {
  delivered: Prisma.Sql;
  opened: Prisma.Sql;
  clicked: Prisma.Sql;
  converted: Prisma.Sql;
  sentAt: Prisma.Sql;
  dims: Prisma.Sql[];
};

/** A row's counts in MessageDaily: nothing until delivered, then 1 recipient (1 opener, … if so) on its send day. */
const contribution = (v: RecipientRow, sign: 1 | -1) => {
  const once = (stage: Prisma.Sql) => Prisma.sql`${sign}::int * (${stage} IS NOT NULL)::int`;
  return Prisma.sql`(${v.delivered} IS NOT NULL, ${Prisma.join(v.dims)}, coalesce(${v.sentAt}, ${v.delivered})::date,
    ${sign}::int, ${once(v.opened)}, ${once(v.clicked)}, ${once(v.converted)})`;
};

const NOW: RecipientRow = {
  delivered: qualified("c", "deliveredAt"),
  opened: qualified("c", "openedAt"),
  clicked: qualified("c", "clickedAt"),
  converted: qualified("c", "convertedAt"),
  sentAt: qualified("c", "sentAt"),
  dims: DIMS.map((d) => qualified("c", d)),
};

// "previous" is the row's stages and sentAt before the upsert, "previousDims" its dimensions.
const BEFORE: RecipientRow = {
  delivered: Prisma.sql`c."previous"[1]`,
  opened: Prisma.sql`c."previous"[2]`,
  clicked: Prisma.sql`c."previous"[3]`,
  converted: Prisma.sql`c."previous"[4]`,
  sentAt: Prisma.sql`c."previous"[5]`,
  dims: [Prisma.sql`c."previousDims"[1]`, Prisma.sql`c."previousDims"[2]`, Prisma.sql`c."previousDims"[3]`],
};

/** Upserts contacts into CampaignRecipient and moves MessageDaily's unique counts by what changed (upsertContacts). */
export function upsertContactsSql(workspaceId: string, contacts: readonly Contact[]): Prisma.Sql {
  const values = <K extends keyof Contact>(k: K) => contacts.map((c) => c[k] as string);
  const firstOf = (stage: Stage) => contacts.map((c) => c.first[stage]?.toISOString() ?? null);
  const earlierDelivery = Prisma.sql`excluded."deliveredAt" IS NOT NULL
    AND (r."deliveredAt" IS NULL OR excluded."deliveredAt" < r."deliveredAt")`;
  const keepEarlierDelivery = [...DIMS, "sentAt"].map(
    (d) => Prisma.sql`${ident(d)} = CASE WHEN ${earlierDelivery} THEN excluded.${ident(d)} ELSE r.${ident(d)} END`,
  );
  const moved = STAGES.map((s) => {
    const [was, now] = [Prisma.sql`r.${column(s)}`, Prisma.sql`excluded.${column(s)}`];
    return Prisma.sql`${now} < ${was} OR (${was} IS NULL AND ${now} IS NOT NULL)`;
  });
  const added = STAGES.map((s) => Prisma.sql`${counter(s)} = "MessageDaily".${counter(s)} + excluded.${counter(s)}`);
  const stageSums = STAGES.map((s) => Prisma.sql`sum(d.${ident(s)})::int AS ${ident(s)}`);
  return Prisma.sql`
    WITH changed AS (
      INSERT INTO "CampaignRecipient" AS r ${RECIPIENT_COLUMNS}
      SELECT ${workspaceId}, u.campaign_id, u.profile_id, u.variant_id, u.channel, u.persona_id, u.sent_at,
        ${Prisma.join(STAGES.map((s) => qualified("u", s)))}
      FROM unnest(${values("campaignId")}::text[], ${values("profileId")}::text[], ${values("variantId")}::text[],
                  ${values("channel")}::text[], ${values("personaId")}::text[],
                  ${contacts.map((c) => c.sentAt?.toISOString() ?? null)}::timestamp[],
                  ${Prisma.join(STAGES.map((s) => Prisma.sql`${firstOf(s)}::timestamp[]`))})
        WITH ORDINALITY AS u(campaign_id, profile_id, variant_id, channel, persona_id, sent_at, ${stageAliases}, n)
      ORDER BY u.n
      ON CONFLICT ("workspaceId", "campaignId", "profileId") DO UPDATE SET
        ${Prisma.join(keepEarlierDelivery)},
        ${Prisma.join(STAGES.map((s) => Prisma.sql`${column(s)} = least(r.${column(s)}, excluded.${column(s)})`))},
        "previous" = ARRAY[${Prisma.join(STAGES.map((s) => Prisma.sql`r.${column(s)}`))}, r."sentAt"],
        "previousDims" = ARRAY[${Prisma.join(DIMS.map((d) => Prisma.sql`r.${ident(d)}`))}]
      WHERE ${Prisma.join(moved, " OR ")}
      RETURNING r."campaignId", r."variantId", r."channel", r."personaId", r."sentAt",
        ${Prisma.join(STAGES.map((s) => Prisma.sql`r.${column(s)}`))}, r."previous", r."previousDims"
    ), delta AS (
      SELECT c."campaignId", d."variantId", d."channel", d."personaId", d.day, ${Prisma.join(stageSums)}
      FROM changed c
      CROSS JOIN LATERAL (VALUES ${contribution(NOW, 1)}, ${contribution(BEFORE, -1)})
        AS d(counts, "variantId", "channel", "personaId", day, ${stageAliases})
      WHERE d.counts
      GROUP BY 1, 2, 3, 4, 5
      HAVING ${Prisma.join(
        STAGES.map((s) => Prisma.sql`sum(d.${ident(s)}) <> 0`),
        " OR ",
      )}
    )
    INSERT INTO "MessageDaily" ${UNIQUE_COUNT_COLUMNS}
    SELECT ${workspaceId}, day, "campaignId", "variantId", "channel", "personaId", ${stageAliases} FROM delta
    ORDER BY day, "campaignId", "variantId", "channel", "personaId"
    ON CONFLICT ${MESSAGE_DAILY_KEY} DO UPDATE SET
      ${Prisma.join(added)}`;
}

/** A merged profile's recipient rows, deleted and returned with their stages. */
export const deleteRecipientsSql = (workspaceId: string, profileId: string) => Prisma.sql`
  DELETE FROM "CampaignRecipient" WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${profileId}
  RETURNING "campaignId", "variantId", "channel", "personaId", "sentAt", ${Prisma.join(STAGES.map(column))}`;

/** One MessageDaily row's unique counts to add (negative to take out), per stage in STAGES order. */
export type UniqueCountsDelta = {
  day: string;
  campaignId: string;
  variantId: string;
  channel: string;
  personaId: string;
  n: number[];
};

/** Adds each row's `n` to its MessageDaily row's unique counts. */
export function addUniqueCountsSql(workspaceId: string, rows: readonly UniqueCountsDelta[]): Prisma.Sql {
  const deltas = STAGES.map((_, i) => ident(`n${i}`));
  const add = STAGES.map((s, i) => Prisma.sql`${counter(s)} = m.${counter(s)} + u.${deltas[i]!}`);
  return Prisma.sql`
    UPDATE "MessageDaily" m SET ${Prisma.join(add)}
    FROM unnest(${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.campaignId)}::text[],
                ${rows.map((r) => r.variantId)}::text[], ${rows.map((r) => r.channel)}::text[],
                ${rows.map((r) => r.personaId)}::text[],
                ${Prisma.join(STAGES.map((_, i) => Prisma.sql`${rows.map((r) => r.n[i]!)}::int[]`))})
      AS u(day, campaign_id, variant_id, channel, persona_id, ${Prisma.join(deltas)})
    WHERE m."workspaceId" = ${workspaceId} AND m."day" = u.day AND m."campaignId" = u.campaign_id
      AND m."variantId" = u.variant_id AND m."channel" = u.channel AND m."personaId" = u.persona_id`;
}

/** CampaignRecipient from the message events of `profiles` (rebuildCampaignRecipients). */
export function rebuildRecipientsSql(workspaceId: string, assignment: Prisma.Sql | null, profiles: ProfileScope) {
  const firstDelivered = (value: Prisma.Sql) =>
    Prisma.sql`(array_agg(${value} ORDER BY e."occurredAt", e."id") FILTER (WHERE e."name" = 'message_delivered'))[1]`;
  const firstAny = (value: Prisma.Sql) => Prisma.sql`(array_agg(${value} ORDER BY e."occurredAt", e."id"))[1]`;
  const variant = Prisma.sql`coalesce(e."variantId", '')`;
  return Prisma.sql`
    INSERT INTO "CampaignRecipient" ${RECIPIENT_COLUMNS}
    SELECT ${workspaceId}, e."campaignId", e."profileId",
      coalesce(${firstDelivered(variant)}, ${firstAny(variant)}),
      coalesce(${firstDelivered(Prisma.sql`e."channel"`)}, ${firstAny(Prisma.sql`e."channel"`)}),
      coalesce(min(pa."personaId"), ''),
      ${firstDelivered(sentAtSql("e"))},
      ${Prisma.join(STAGES.map((s) => Prisma.sql`min(e."occurredAt") FILTER (WHERE e."name" = ${s})`))}
    FROM "Event" e
    ${personaJoinSql(assignment, Prisma.sql`e."profileId"`)}
    WHERE e."workspaceId" = ${workspaceId} ${profileScopeSql(profiles, Prisma.sql`e."profileId"`)}
      AND e."name" IN (${Prisma.join(STAGES)}) AND e."campaignId" IS NOT NULL AND e."channel" IS NOT NULL
    GROUP BY e."campaignId", e."profileId"`;
}

/** MessageDaily's unique counts set from CampaignRecipient (countUniqueRecipients). */
export const countUniqueRecipientsSql = (workspaceId: string) => Prisma.sql`
  INSERT INTO "MessageDaily" ${UNIQUE_COUNT_COLUMNS}
  SELECT ${workspaceId}, coalesce("sentAt", "deliveredAt")::date, "campaignId", "variantId", "channel", "personaId",
    ${Prisma.join(STAGES.map((s) => Prisma.sql`count(${column(s)})::int`))}
  FROM "CampaignRecipient"
  WHERE "workspaceId" = ${workspaceId} AND "deliveredAt" IS NOT NULL
  GROUP BY 2, 3, 4, 5, 6
  ON CONFLICT ${MESSAGE_DAILY_KEY} DO UPDATE SET
    ${Prisma.join(STAGES.map((s) => Prisma.sql`${counter(s)} = excluded.${counter(s)}`))}`;
