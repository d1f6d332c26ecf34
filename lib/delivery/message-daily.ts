import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { personaAssignmentSql } from "@/lib/personas/assign-personas";
import { profileRanges, rangeProgress } from "@/lib/profiles/profile-ranges";
import { rebuildCampaignLinkClickers } from "./campaign-link-clickers";
import { countUniqueRecipients, rebuildCampaignRecipients, recordFirstContacts } from "./campaign-recipients";
import { inKeyOrder } from "@/lib/db/key-order";
import { MESSAGE_STAGES, type MessageEventName } from "./message-stages";
import {
  addMessageCountsSql,
  clearCampaignLinkClickersSql,
  clearCampaignRecipientsSql,
  clearMessageDailySql,
  countMessagesSql,
  messageDailyRowsSql,
  type MessageDailyDelta,
} from "@/lib/delivery/sql/message-daily";

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
  const rows = new Map<string, MessageDailyDelta>();
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
  await tx.$executeRaw(addMessageCountsSql(workspaceId, inKeyOrder(rows)));
}

/**
 * Recomputes a workspace's MessageDaily, CampaignRecipient and CampaignLinkClicker from the message events in Event
 * (the
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
  // Range by range of profiles (one range for a small workspace), with progress: at 1M profiles a
  // single pass was minutes without a word. Every group below lies within one profile except
  // MessageDaily's, whose counts add up across ranges.
  const { ranges, profiles } = await profileRanges(workspaceId, profilesPerRange);
  const progress = rangeProgress("message rollups", profiles, ranges.length, report);
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw(clearMessageDailySql(workspaceId));
      await clearRecipientRollups(tx, workspaceId);
      for (let i = 0; i < ranges.length; i++) {
        await tx.$executeRaw(countMessagesSql(workspaceId, assignment, ranges[i]!));
        await rebuildCampaignRecipients(tx, workspaceId, assignment, ranges[i]!);
        await rebuildCampaignLinkClickers(tx, workspaceId, ranges[i]!);
        progress(i + 1);
      }
      await countUniqueRecipients(tx, workspaceId);
      const [row] = await tx.$queryRaw<{ rows: number }[]>(messageDailyRowsSql(workspaceId));
      return row?.rows ?? 0;
    },
    { timeout: 3_600_000 },
  );
}

/** The per-recipient rollups emptied, in the caller's transaction, before they are rebuilt range by range. */
async function clearRecipientRollups(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$executeRaw(clearCampaignRecipientsSql(workspaceId));
  await tx.$executeRaw(clearCampaignLinkClickersSql(workspaceId));
}
