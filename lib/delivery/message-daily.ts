import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { personaAssignmentSql } from "@/lib/personas/assign-personas";
import { personaJoinSql } from "@/lib/personas/sql";
import { profileScopeSql } from "@/lib/profiles/ingest/sql";
import { profileRanges, rangeProgress } from "@/lib/profiles/profile-ranges";
import { rebuildCampaignLinkClickers } from "./campaign-link-clickers";
import {
  countUniqueRecipients,
  rebuildCampaignRecipients,
  recordFirstContacts,
  sentAtSql,
} from "./campaign-recipients";
import { inKeyOrder } from "@/lib/db/key-order";
import { MESSAGE_STAGES, type MessageEventName } from "./message-stages";

type Tx = Prisma.TransactionClient;

/** One message event as MessageDaily counts it: on the day its message was sent (`sentAt`). */
export type MessageDailyEvent = {
  name: MessageEventName;
  occurredAt: Date;
  sentAt: Date;
  campaignId: string;
  profileId: string;
  variantId: string | null;
  channel: string;
  personaId: string | null;
  revenue?: number | null;
};

const COLUMNS = Object.values(MESSAGE_STAGES);

/**
 * Adds message events to the MessageDaily rollup in the caller's transaction (the one that writes
 * the events): one upsert for the message counts, then the unique profiles (recordFirstContacts).
 * Campaign-attributed: an event counts on the UTC day its message was sent, whenever it happened —
 * a click today on last week's message adds to last week's row, beside that message's delivery
 * (docs/reports.md, "Attribution basis").
 */
export async function bumpMessageDaily(
  tx: Tx,
  workspaceId: string,
  events: readonly MessageDailyEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await bumpMessageCounts(tx, workspaceId, events);
  await recordFirstContacts(tx, workspaceId, events);
}

async function bumpMessageCounts(tx: Tx, workspaceId: string, events: readonly MessageDailyEvent[]): Promise<void> {
  const rows = new Map<
    string,
    {
      day: string;
      campaignId: string;
      variantId: string;
      channel: string;
      personaId: string;
      counts: Record<string, number>;
      revenue: number;
    }
  >();
  for (const e of events) {
    const day = e.sentAt.toISOString().slice(0, 10);
    const key = [day, e.campaignId, e.variantId ?? "", e.channel, e.personaId ?? ""].join("\u0000");
    let row = rows.get(key);
    if (!row)
      rows.set(
        key,
        (row = {
          day,
          campaignId: e.campaignId,
          variantId: e.variantId ?? "",
          channel: e.channel,
          personaId: e.personaId ?? "",
          counts: {},
          revenue: 0,
        }),
      );
    const column = MESSAGE_STAGES[e.name];
    row.counts[column] = (row.counts[column] ?? 0) + 1;
    if (e.name === "message_converted" && e.revenue) row.revenue += e.revenue;
  }
  const list = inKeyOrder(rows);
  const column = (name: (typeof COLUMNS)[number]) => list.map((r) => r.counts[name] ?? 0);
  await tx.$executeRaw`
    INSERT INTO "MessageDaily" ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId", ${Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "))}, "revenue")
    SELECT ${workspaceId}, u.day::date, u.campaign_id, u.variant_id, u.channel, u.persona_id, ${Prisma.raw(COLUMNS.map((c) => `u.${c}`).join(", "))}, u.revenue::numeric
    FROM unnest(${list.map((r) => r.day)}::text[], ${list.map((r) => r.campaignId)}::text[], ${list.map((r) => r.variantId)}::text[], ${list.map((r) => r.channel)}::text[],
                ${list.map((r) => r.personaId)}::text[], ${column("sent")}::int[], ${column("delivered")}::int[], ${column("opened")}::int[], ${column("clicked")}::int[],
                ${column("converted")}::int[], ${column("failed")}::int[], ${column("skipped")}::int[], ${column("unsubscribed")}::int[], ${list.map((r) => r.revenue.toFixed(2))}::text[])
      AS u(day, campaign_id, variant_id, channel, persona_id, ${Prisma.raw(COLUMNS.join(", "))}, revenue)
    ON CONFLICT ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId") DO UPDATE SET
      ${Prisma.raw(COLUMNS.map((c) => `"${c}" = "MessageDaily"."${c}" + excluded."${c}"`).join(", "))},
      "revenue" = "MessageDaily"."revenue" + excluded."revenue"`;
}

/**
 * Recomputes a workspace's MessageDaily, CampaignRecipient and CampaignLinkClicker from the message events in Event (the
 * demo history, or a repair). Events carry campaign, variant and channel, and their message's send
 * instant in properties.sentAt (an event without one counts on its own day); the persona is the
 * profile's persona now (personaAssignmentSql), since history written before delivery has no
 * persona at send time.
 */
export async function rebuildMessageDaily(
  workspaceId: string,
  now = new Date(),
  { report = () => undefined, profilesPerRange }: { report?: (line: string) => void; profilesPerRange?: number } = {},
): Promise<number> {
  const assignment = await personaAssignmentSql(workspaceId, now);
  const names = Object.keys(MESSAGE_STAGES);
  const count = (name: string) => Prisma.sql`count(*) FILTER (WHERE e."name" = ${name})::int`;
  // Range by range of profiles (one range for a small workspace), with progress: at 1M profiles a
  // single pass was minutes without a word. Every group below lies within one profile except
  // MessageDaily's, whose counts add up across ranges.
  const { ranges, profiles } = await profileRanges(workspaceId, profilesPerRange);
  const progress = rangeProgress("message rollups", profiles, ranges.length, report);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM "MessageDaily" WHERE "workspaceId" = ${workspaceId}`;
      await clearRecipientRollups(tx, workspaceId);
      for (let i = 0; i < ranges.length; i++) {
        await tx.$executeRaw`
          INSERT INTO "MessageDaily" ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId", ${Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "))}, "revenue")
          SELECT ${workspaceId}, ${sentAtSql("e")}::date, e."campaignId", coalesce(e."variantId", ''), e."channel", coalesce(pa."personaId", ''),
                 ${Prisma.join(names.map(count))},
                 coalesce(sum(CASE WHEN e."name" = 'message_converted' THEN (e."properties"->>'revenue')::numeric END), 0)
          FROM "Event" e
          ${personaJoinSql(assignment, Prisma.sql`e."profileId"`)}
          WHERE e."workspaceId" = ${workspaceId} ${profileScopeSql(ranges[i]!, Prisma.sql`e."profileId"`)}
            AND e."name" IN (${Prisma.join(names)}) AND e."campaignId" IS NOT NULL AND e."channel" IS NOT NULL
          GROUP BY 2, 3, 4, 5, 6
          ON CONFLICT ("workspaceId", "day", "campaignId", "variantId", "channel", "personaId") DO UPDATE SET
            ${Prisma.raw(COLUMNS.map((c) => `"${c}" = "MessageDaily"."${c}" + excluded."${c}"`).join(", "))},
            "revenue" = "MessageDaily"."revenue" + excluded."revenue"`;
        await rebuildCampaignRecipients(tx, workspaceId, assignment, ranges[i]!);
        await rebuildCampaignLinkClickers(tx, workspaceId, ranges[i]!);
        progress(i + 1);
      }
      await countUniqueRecipients(tx, workspaceId);
      const [row] = await tx.$queryRaw<
        { rows: number }[]
      >`SELECT count(*)::int AS rows FROM "MessageDaily" WHERE "workspaceId" = ${workspaceId}`;
      return row?.rows ?? 0;
    },
    { timeout: 3_600_000 },
  );
}

/** The per-recipient rollups emptied, in the caller's transaction, before they are rebuilt range by range. */
async function clearRecipientRollups(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$executeRaw`DELETE FROM "CampaignRecipient" WHERE "workspaceId" = ${workspaceId}`;
  await tx.$executeRaw`DELETE FROM "CampaignLinkClicker" WHERE "workspaceId" = ${workspaceId}`;
}
