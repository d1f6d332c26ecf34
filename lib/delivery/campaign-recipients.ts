import { Prisma } from "@/lib/generated/prisma/client";
import { personaJoinSql } from "@/lib/personas/sql";
import { inKeyOrder } from "./in-key-order";
import type { MessageEventName } from "./message-stages";

type Tx = Prisma.TransactionClient;

/**
 * Unique profiles per campaign, kept as counts in MessageDaily: a profile adds 1 to `recipients`
 * (`uniqueOpens`, `uniqueClickers`, `converters`) on the day of its first delivered (opened,
 * clicked, converted) event of the campaign. "First" is decided by CampaignRecipient, one row per
 * (campaign, profile). So a range's unique openers are the profiles whose first open of the
 * campaign falls in it: the counts add up across days and ranges (a profile opening on two days is
 * one opener, of the day it first opened), and reports read them from the small rollup instead of
 * hashing raw message events (docs/reports.md, "Unique profiles").
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

export type ContactEvent = { name: MessageEventName; occurredAt: Date; campaignId: string; profileId: string; variantId: string | null; channel: string; personaId: string | null };

type Contact = { campaignId: string; profileId: string; variantId: string; channel: string; personaId: string; first: Partial<Record<Stage, Date>> };

/** The earliest event per (campaign, profile, stage) of a batch, and the dimensions of its earliest event. */
function contactsOf(events: readonly ContactEvent[]): Contact[] {
  const byKey = new Map<string, Contact & { at: Date }>();
  for (const e of events) {
    if (!isStage(e.name)) continue;
    const key = `${e.campaignId}\u0000${e.profileId}`;
    let c = byKey.get(key);
    if (!c || e.occurredAt < c.at) {
      c = { campaignId: e.campaignId, profileId: e.profileId, variantId: e.variantId ?? "", channel: e.channel, personaId: e.personaId ?? "", first: c?.first ?? {}, at: e.occurredAt };
      byKey.set(key, c);
    }
    const was = c.first[e.name];
    if (!was || e.occurredAt < was) c.first[e.name] = e.occurredAt;
  }
  return inKeyOrder(byKey);
}

/**
 * Records the batch's first contacts in the caller's transaction and moves MessageDaily's unique
 * counts to match, in one statement: an upsert of the batch's CampaignRecipient rows (in key order)
 * that keeps each stage's earlier instant, changes only rows where some stage moved, and returns
 * each changed row with its instants before the change (`previous`; null for a new row). ON CONFLICT
 * updates the latest committed version of a row and waits for a concurrent writer's, so two
 * transactions never both count the same first. For every moved stage MessageDaily gets +1 on the
 * new day and, when an older event arriving late supersedes a recorded first, −1 on the old day —
 * under the recipient's dimensions.
 */
export async function recordFirstContacts(tx: Tx, workspaceId: string, events: readonly ContactEvent[]): Promise<void> {
  const contacts = contactsOf(events);
  if (contacts.length === 0) return;
  const col = <K extends keyof Contact>(k: K) => contacts.map((c) => c[k] as string);
  const firstOf = (stage: Stage) => contacts.map((c) => c.first[stage]?.toISOString() ?? null);
  const column = (s: Stage) => q(FIRST_CONTACT[s].column);
  const counter = (s: Stage) => q(FIRST_CONTACT[s].counter);
  // Per stage: moved = set now and earlier than before (or new); the new day +1, the superseded day −1.
  const deltas = STAGES.flatMap((s, i) => {
    const one = (sign: number) => STAGES.map((_, j) => (i === j ? sign : 0)).join(", ");
    const was = `c.previous[${i + 1}]`;
    const moved = `c."${FIRST_CONTACT[s].column}" IS NOT NULL AND (${was} IS NULL OR c."${FIRST_CONTACT[s].column}" < ${was})`;
    return [Prisma.raw(`(${moved}, c."${FIRST_CONTACT[s].column}"::date, ${one(1)})`), Prisma.raw(`(${moved}, ${was}::date, ${one(-1)})`)];
  });
  await tx.$executeRaw`
    WITH changed AS (
      INSERT INTO "CampaignRecipient" AS r ("workspaceId", "campaignId", "profileId", "variantId", "channel", "personaId", ${Prisma.join(STAGES.map(column))})
      SELECT ${workspaceId}, u.campaign_id, u.profile_id, u.variant_id, u.channel, u.persona_id, ${Prisma.raw(STAGES.map((s) => `u.${s}`).join(", "))}
      FROM unnest(${col("campaignId")}::text[], ${col("profileId")}::text[], ${col("variantId")}::text[], ${col("channel")}::text[], ${col("personaId")}::text[],
                  ${Prisma.join(STAGES.map((s) => Prisma.sql`${firstOf(s)}::timestamp[]`))})
        WITH ORDINALITY AS u(campaign_id, profile_id, variant_id, channel, persona_id, ${Prisma.raw(STAGES.join(", "))}, n)
      ORDER BY u.n
      ON CONFLICT ("workspaceId", "campaignId", "profileId") DO UPDATE SET
        ${Prisma.join(STAGES.map((s) => Prisma.sql`${column(s)} = least(r.${column(s)}, excluded.${column(s)})`))},
        "previous" = ARRAY[${Prisma.join(STAGES.map((s) => Prisma.sql`r.${column(s)}`))}]
      WHERE ${Prisma.join(STAGES.map((s) => Prisma.sql`excluded.${column(s)} < r.${column(s)} OR (r.${column(s)} IS NULL AND excluded.${column(s)} IS NOT NULL)`), " OR ")}
      RETURNING r."campaignId", r."variantId", r."channel", r."personaId", ${Prisma.join(STAGES.map((s) => Prisma.sql`r.${column(s)}`))}, r."previous"
    ), delta AS (
      SELECT c."campaignId", c."variantId", c."channel", c."personaId", d.day, ${Prisma.join(STAGES.map((s) => Prisma.sql`sum(d.${Prisma.raw(s)})::int AS ${Prisma.raw(s)}`))}
      FROM changed c CROSS JOIN LATERAL (VALUES ${Prisma.join(deltas)}) AS d(counts, day, ${Prisma.raw(STAGES.join(", "))})
      WHERE d.counts AND d.day IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5
    )
    INSERT INTO "MessageDaily" ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId", ${Prisma.join(STAGES.map(counter))})
    SELECT ${workspaceId}, day, "campaignId", "variantId", "channel", "personaId", ${Prisma.raw(STAGES.join(", "))} FROM delta
    ORDER BY day, "campaignId", "variantId", "channel", "personaId"
    ON CONFLICT ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId") DO UPDATE SET
      ${Prisma.join(STAGES.map((s) => Prisma.sql`${counter(s)} = "MessageDaily".${counter(s)} + excluded.${counter(s)}`))}`;
}

/**
 * CampaignRecipient and MessageDaily's unique counts recomputed from the message events in Event,
 * in the caller's transaction (after MessageDaily's counts were rebuilt): the dimensions of a
 * recipient are those of its earliest message event, with the persona of `assignment` (as the
 * counts' rebuild uses).
 */
export async function rebuildCampaignRecipients(tx: Tx, workspaceId: string, assignment: Prisma.Sql | null): Promise<void> {
  await tx.$executeRaw`DELETE FROM "CampaignRecipient" WHERE "workspaceId" = ${workspaceId}`;
  await tx.$executeRaw`
    INSERT INTO "CampaignRecipient" ("workspaceId", "campaignId", "profileId", "variantId", "channel", "personaId", ${Prisma.join(STAGES.map((s) => q(FIRST_CONTACT[s].column)))})
    SELECT ${workspaceId}, e."campaignId", e."profileId",
      (array_agg(coalesce(e."variantId", '') ORDER BY e."occurredAt", e."id"))[1], (array_agg(e."channel" ORDER BY e."occurredAt", e."id"))[1], coalesce(min(pa."personaId"), ''),
      ${Prisma.join(STAGES.map((s) => Prisma.sql`min(e."occurredAt") FILTER (WHERE e."name" = ${s})`))}
    FROM "Event" e
    ${personaJoinSql(assignment, Prisma.sql`e."profileId"`)}
    WHERE e."workspaceId" = ${workspaceId} AND e."name" IN (${Prisma.join(STAGES)}) AND e."campaignId" IS NOT NULL AND e."channel" IS NOT NULL
    GROUP BY e."campaignId", e."profileId"`;
  await tx.$executeRaw`
    INSERT INTO "MessageDaily" ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId", ${Prisma.join(STAGES.map((s) => q(FIRST_CONTACT[s].counter)))})
    SELECT ${workspaceId}, d.day, r."campaignId", r."variantId", r."channel", r."personaId", ${Prisma.join(STAGES.map((s) => Prisma.sql`sum(d.${Prisma.raw(s)})::int`))}
    FROM "CampaignRecipient" r CROSS JOIN LATERAL (VALUES ${Prisma.join(
      STAGES.map((s, i) => Prisma.raw(`(r."${FIRST_CONTACT[s].column}"::date, ${STAGES.map((_, j) => (i === j ? 1 : 0)).join(", ")})`)),
    )}) AS d(day, ${Prisma.raw(STAGES.join(", "))})
    WHERE r."workspaceId" = ${workspaceId} AND d.day IS NOT NULL
    GROUP BY 2, 3, 4, 5, 6
    ON CONFLICT ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId") DO UPDATE SET
      ${Prisma.join(STAGES.map((s) => Prisma.sql`${q(FIRST_CONTACT[s].counter)} = excluded.${q(FIRST_CONTACT[s].counter)}`))}`;
}
