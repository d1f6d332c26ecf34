import { Prisma } from "@/lib/generated/prisma/client";
import { personaJoinSql } from "@/lib/personas/sql";
import { profileScopeSql, type ProfileScope } from "@/lib/profiles/ingest/sql";
import { byKey, inKeyOrder } from "@/lib/db/key-order";
import type { MessageEventName } from "./message-stages";

type Tx = Prisma.TransactionClient;

/**
 * Unique profiles per campaign, kept as counts in MessageDaily, campaign-attributed
 * (docs/reports.md, "Attribution basis"): a profile becomes a recipient of a campaign with its first
 * delivered message and counts once — in `recipients`, and in `uniqueOpens` / `uniqueClickers` /
 * `converters` if it ever opened, clicked or converted on the campaign — all in ONE MessageDaily row:
 * the send day and dimensions of that first delivered message. So every unique opener, clicker and
 * converter of a row is a recipient of the same row, whatever day the open happened, and a range's
 * rows hold the people its sends reached. CampaignRecipient (one row per campaign and profile) keeps
 * the first instant of each stage and decides what moves.
 */
export const FIRST_CONTACT = {
  message_delivered: { column: "deliveredAt", counter: "recipients" },
  message_opened: { column: "openedAt", counter: "uniqueOpens" },
  message_clicked: { column: "clickedAt", counter: "uniqueClickers" },
  message_converted: { column: "convertedAt", counter: "converters" },
} as const satisfies Partial<Record<MessageEventName, { column: string; counter: string }>>;

type Stage = keyof typeof FIRST_CONTACT;
const STAGES = Object.keys(FIRST_CONTACT) as Stage[];
const isStage = (name: string): name is Stage => name in FIRST_CONTACT;
const q = (name: string) => Prisma.raw(`"${name}"`);
const DIMS = ["variantId", "channel", "personaId"] as const;

/** A message event as the recipient rollup reads it; `sentAt` is when its message was sent. */
export type ContactEvent = {
  name: MessageEventName;
  occurredAt: Date;
  sentAt: Date;
  campaignId: string;
  profileId: string;
  variantId: string | null;
  channel: string;
  personaId: string | null;
};

/** A (campaign, profile)'s first instants of a batch; dimensions and sentAt of its earliest delivery (else of its earliest event). */
export type Contact = {
  campaignId: string;
  profileId: string;
  variantId: string;
  channel: string;
  personaId: string;
  sentAt: Date | null;
  first: Partial<Record<Stage, Date>>;
};

function contactsOf(events: readonly ContactEvent[]): Contact[] {
  const byKey = new Map<string, Contact & { at: Date; delivered: boolean }>();
  for (const e of events) {
    if (!isStage(e.name)) continue;
    const key = `${e.campaignId}\u0000${e.profileId}`;
    const c = byKey.get(key);
    const delivered = e.name === "message_delivered";
    // The dimensions follow the earliest delivery: that message makes the profile a recipient.
    const leads =
      !c || (delivered && (!c.delivered || e.occurredAt < c.at)) || (!delivered && !c.delivered && e.occurredAt < c.at);
    const next = leads
      ? {
          campaignId: e.campaignId,
          profileId: e.profileId,
          variantId: e.variantId ?? "",
          channel: e.channel,
          personaId: e.personaId ?? "",
          sentAt: delivered ? e.sentAt : null,
          first: c?.first ?? {},
          at: e.occurredAt,
          delivered,
        }
      : c;
    const was = next.first[e.name];
    if (!was || e.occurredAt < was) next.first[e.name] = e.occurredAt;
    byKey.set(key, next);
  }
  return inKeyOrder(byKey);
}

/** Records a batch's message events in CampaignRecipient and moves MessageDaily's unique counts to match (see upsertContacts). */
export async function recordFirstContacts(tx: Tx, workspaceId: string, events: readonly ContactEvent[]): Promise<void> {
  await upsertContacts(tx, workspaceId, contactsOf(events));
}

/** A row's counts in MessageDaily: nothing until delivered, then 1 recipient (and 1 opener, … if so) on its send day. */
const contribution = (
  v: { delivered: string; opened: string; clicked: string; converted: string; sentAt: string; dims: readonly string[] },
  sign: 1 | -1,
) =>
  Prisma.raw(
    `(${v.delivered} IS NOT NULL, ${v.dims.join(", ")}, coalesce(${v.sentAt}, ${v.delivered})::date, ${sign}, ` +
      `${sign} * (${v.opened} IS NOT NULL)::int, ${sign} * (${v.clicked} IS NOT NULL)::int, ${sign} * (${v.converted} IS NOT NULL)::int)`,
  );

/**
 * Upserts (campaign, profile) contacts in the caller's transaction and moves MessageDaily's unique
 * counts in the same statement. Each stage keeps its earliest instant; a contact with an earlier
 * delivery also brings that delivery's send instant and dimensions. The upsert changes only rows where
 * some stage moved and returns each with the row as it was before (`previous`, `previousDims`; null for
 * a new row). ON CONFLICT updates the latest committed version of a row and waits for a concurrent
 * writer's, so two transactions never both count the same recipient. MessageDaily then gets the row's
 * counts now minus its counts before — a late, earlier delivery moves the recipient and its opens,
 * clicks and conversion from one send day (or variant, channel, persona) to another.
 */
export async function upsertContacts(tx: Tx, workspaceId: string, contacts: readonly Contact[]): Promise<void> {
  if (contacts.length === 0) return;
  const col = <K extends keyof Contact>(k: K) => contacts.map((c) => c[k] as string);
  const firstOf = (stage: Stage) => contacts.map((c) => c.first[stage]?.toISOString() ?? null);
  const column = (s: Stage) => q(FIRST_CONTACT[s].column);
  const counter = (s: Stage) => q(FIRST_CONTACT[s].counter);
  const earlierDelivery = Prisma.sql`excluded."deliveredAt" IS NOT NULL AND (r."deliveredAt" IS NULL OR excluded."deliveredAt" < r."deliveredAt")`;
  const now = contribution(
    {
      delivered: `c."deliveredAt"`,
      opened: `c."openedAt"`,
      clicked: `c."clickedAt"`,
      converted: `c."convertedAt"`,
      sentAt: `c."sentAt"`,
      dims: DIMS.map((d) => `c."${d}"`),
    },
    1,
  );
  const before = contribution(
    {
      delivered: "c.previous[1]",
      opened: "c.previous[2]",
      clicked: "c.previous[3]",
      converted: "c.previous[4]",
      sentAt: "c.previous[5]",
      dims: DIMS.map((_, i) => `c."previousDims"[${i + 1}]`),
    },
    -1,
  );
  await tx.$executeRaw`
    WITH changed AS (
      INSERT INTO "CampaignRecipient" AS r ("workspaceId", "campaignId", "profileId", "variantId", "channel", "personaId", "sentAt", ${Prisma.join(STAGES.map(column))})
      SELECT ${workspaceId}, u.campaign_id, u.profile_id, u.variant_id, u.channel, u.persona_id, u.sent_at, ${Prisma.raw(STAGES.map((s) => `u.${s}`).join(", "))}
      FROM unnest(${col("campaignId")}::text[], ${col("profileId")}::text[], ${col("variantId")}::text[], ${col("channel")}::text[], ${col("personaId")}::text[],
                  ${contacts.map((c) => c.sentAt?.toISOString() ?? null)}::timestamp[], ${Prisma.join(STAGES.map((s) => Prisma.sql`${firstOf(s)}::timestamp[]`))})
        WITH ORDINALITY AS u(campaign_id, profile_id, variant_id, channel, persona_id, sent_at, ${Prisma.raw(STAGES.join(", "))}, n)
      ORDER BY u.n
      ON CONFLICT ("workspaceId", "campaignId", "profileId") DO UPDATE SET
        ${Prisma.join([...DIMS, "sentAt"].map((d) => Prisma.sql`${q(d)} = CASE WHEN ${earlierDelivery} THEN excluded.${q(d)} ELSE r.${q(d)} END`))},
        ${Prisma.join(STAGES.map((s) => Prisma.sql`${column(s)} = least(r.${column(s)}, excluded.${column(s)})`))},
        "previous" = ARRAY[${Prisma.join(STAGES.map((s) => Prisma.sql`r.${column(s)}`))}, r."sentAt"],
        "previousDims" = ARRAY[${Prisma.join(DIMS.map((d) => Prisma.sql`r.${q(d)}`))}]
      WHERE ${Prisma.join(
        STAGES.map(
          (s) =>
            Prisma.sql`excluded.${column(s)} < r.${column(s)} OR (r.${column(s)} IS NULL AND excluded.${column(s)} IS NOT NULL)`,
        ),
        " OR ",
      )}
      RETURNING r."campaignId", r."variantId", r."channel", r."personaId", r."sentAt", ${Prisma.join(STAGES.map((s) => Prisma.sql`r.${column(s)}`))}, r."previous", r."previousDims"
    ), delta AS (
      SELECT c."campaignId", d."variantId", d."channel", d."personaId", d.day, ${Prisma.join(STAGES.map((s) => Prisma.sql`sum(d.${Prisma.raw(s)})::int AS ${Prisma.raw(s)}`))}
      FROM changed c CROSS JOIN LATERAL (VALUES ${now}, ${before}) AS d(counts, "variantId", "channel", "personaId", day, ${Prisma.raw(STAGES.join(", "))})
      WHERE d.counts
      GROUP BY 1, 2, 3, 4, 5
      HAVING ${Prisma.join(
        STAGES.map((s) => Prisma.sql`sum(d.${Prisma.raw(s)}) <> 0`),
        " OR ",
      )}
    )
    INSERT INTO "MessageDaily" ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId", ${Prisma.join(STAGES.map(counter))})
    SELECT ${workspaceId}, day, "campaignId", "variantId", "channel", "personaId", ${Prisma.raw(STAGES.join(", "))} FROM delta
    ORDER BY day, "campaignId", "variantId", "channel", "personaId"
    ON CONFLICT ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId") DO UPDATE SET
      ${Prisma.join(STAGES.map((s) => Prisma.sql`${counter(s)} = "MessageDaily".${counter(s)} + excluded.${counter(s)}`))}`;
}

/**
 * An identity merge folds the merged profile's recipient rows into the surviving profile's, in the
 * caller's transaction (the merge's): the old rows leave MessageDaily's unique counts, and come back
 * as contacts of `into` — where `into` already was a recipient, the earlier delivery decides the day
 * and dimensions and each stage keeps its earliest instant, so a person counts once, as the events
 * (now all `into`'s) say. CampaignLinkClicker rows fold the same way.
 */
export async function mergeCampaignRecipients(tx: Tx, workspaceId: string, from: string, into: string): Promise<void> {
  const gone = await tx.$queryRaw<
    (Omit<Contact, "first" | "profileId"> &
      Record<"deliveredAt" | "openedAt" | "clickedAt" | "convertedAt", Date | null>)[]
  >`
    DELETE FROM "CampaignRecipient" WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${from}
    RETURNING "campaignId", "variantId", "channel", "personaId", "sentAt", ${Prisma.join(STAGES.map((s) => q(FIRST_CONTACT[s].column)))}`;
  const delivered = gone.filter((r) => r.deliveredAt);
  if (delivered.length > 0) {
    // What the merged profile's rows counted, taken back out (keys in order, as every rollup writer does).
    const rows = new Map<
      string,
      { day: string; campaignId: string; variantId: string; channel: string; personaId: string; n: number[] }
    >();
    for (const r of delivered) {
      const day = (r.sentAt ?? r.deliveredAt!).toISOString().slice(0, 10);
      const key = [day, r.campaignId, r.variantId, r.channel, r.personaId].join("\u0000");
      const row = rows.get(key) ?? {
        day,
        campaignId: r.campaignId,
        variantId: r.variantId,
        channel: r.channel,
        personaId: r.personaId,
        n: [0, 0, 0, 0],
      };
      STAGES.forEach((s, i) => (row.n[i]! -= r[FIRST_CONTACT[s].column] ? 1 : 0));
      rows.set(key, row);
    }
    const list = inKeyOrder(rows);
    await tx.$executeRaw`
      UPDATE "MessageDaily" m SET ${Prisma.join(STAGES.map((s, i) => Prisma.sql`${q(FIRST_CONTACT[s].counter)} = m.${q(FIRST_CONTACT[s].counter)} + u.${Prisma.raw(`n${i}`)}`))}
      FROM unnest(${list.map((r) => r.day)}::date[], ${list.map((r) => r.campaignId)}::text[], ${list.map((r) => r.variantId)}::text[], ${list.map((r) => r.channel)}::text[],
                  ${list.map((r) => r.personaId)}::text[], ${Prisma.join(STAGES.map((_, i) => Prisma.sql`${list.map((r) => r.n[i]!)}::int[]`))})
        AS u(day, campaign_id, variant_id, channel, persona_id, ${Prisma.raw(STAGES.map((_, i) => `n${i}`).join(", "))})
      WHERE m."workspaceId" = ${workspaceId} AND m."day" = u.day AND m."campaignId" = u.campaign_id AND m."variantId" = u.variant_id
        AND m."channel" = u.channel AND m."personaId" = u.persona_id`;
  }
  await upsertContacts(
    tx,
    workspaceId,
    gone
      .map((r) => ({
        campaignId: r.campaignId,
        profileId: into,
        variantId: r.variantId,
        channel: r.channel,
        personaId: r.personaId,
        sentAt: r.sentAt,
        first: Object.fromEntries(
          STAGES.flatMap((s) => (r[FIRST_CONTACT[s].column] ? [[s, r[FIRST_CONTACT[s].column]!]] : [])),
        ),
      }))
      .sort(byKey((row) => row.campaignId)),
  );
  await tx.$executeRaw`
    WITH gone AS (DELETE FROM "CampaignLinkClicker" WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${from} RETURNING "campaignId", "url", "clicks", "firstClickAt")
    INSERT INTO "CampaignLinkClicker" ("workspaceId", "campaignId", "url", "profileId", "clicks", "firstClickAt")
    SELECT ${workspaceId}, "campaignId", "url", ${into}, "clicks", "firstClickAt" FROM gone ORDER BY "campaignId", "url"
    ON CONFLICT ("workspaceId", "campaignId", "url", "profileId") DO UPDATE SET
      "clicks" = "CampaignLinkClicker"."clicks" + excluded."clicks", "firstClickAt" = least("CampaignLinkClicker"."firstClickAt", excluded."firstClickAt")`;
}

/** The send instant of a message event in SQL: its properties.sentAt (delivery and the demo write it), else when it happened. */
export const sentAtSql = (alias: string) =>
  Prisma.raw(`coalesce(tailor_sent_at(${alias}."properties"->>'sentAt'), ${alias}."occurredAt")`);

/**
 * CampaignRecipient recomputed from the message events in Event of the profiles in `profiles`, in the
 * caller's transaction (which emptied it first): a recipient's first delivery decides its send day,
 * variant and channel; the persona is `assignment`'s (as the counts' rebuild uses).
 */
export async function rebuildCampaignRecipients(
  tx: Tx,
  workspaceId: string,
  assignment: Prisma.Sql | null,
  profiles: ProfileScope,
): Promise<void> {
  const firstDelivered = (value: Prisma.Sql) =>
    Prisma.sql`(array_agg(${value} ORDER BY e."occurredAt", e."id") FILTER (WHERE e."name" = 'message_delivered'))[1]`;
  const firstAny = (value: Prisma.Sql) => Prisma.sql`(array_agg(${value} ORDER BY e."occurredAt", e."id"))[1]`;
  await tx.$executeRaw`
    INSERT INTO "CampaignRecipient" ("workspaceId", "campaignId", "profileId", "variantId", "channel", "personaId", "sentAt", ${Prisma.join(STAGES.map((s) => q(FIRST_CONTACT[s].column)))})
    SELECT ${workspaceId}, e."campaignId", e."profileId",
      coalesce(${firstDelivered(Prisma.sql`coalesce(e."variantId", '')`)}, ${firstAny(Prisma.sql`coalesce(e."variantId", '')`)}),
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

/** MessageDaily's unique counts (recipients reached per stage) set from CampaignRecipient, once it is rebuilt. */
export async function countUniqueRecipients(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "MessageDaily" ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId", ${Prisma.join(STAGES.map((s) => q(FIRST_CONTACT[s].counter)))})
    SELECT ${workspaceId}, coalesce("sentAt", "deliveredAt")::date, "campaignId", "variantId", "channel", "personaId",
      ${Prisma.join(STAGES.map((s) => Prisma.sql`count(${q(FIRST_CONTACT[s].column)})::int`))}
    FROM "CampaignRecipient"
    WHERE "workspaceId" = ${workspaceId} AND "deliveredAt" IS NOT NULL
    GROUP BY 2, 3, 4, 5, 6
    ON CONFLICT ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId") DO UPDATE SET
      ${Prisma.join(STAGES.map((s) => Prisma.sql`${q(FIRST_CONTACT[s].counter)} = excluded.${q(FIRST_CONTACT[s].counter)}`))}`;
}
