import type { Prisma } from "@/lib/generated/prisma/client";
import type { ProfileScope } from "@/lib/profiles/ingest/sql";
import { byKey, inKeyOrder } from "@/lib/db/key-order";
import { FIRST_CONTACT, STAGES, type Contact, type Stage } from "./first-contact";
import type { MessageEventName } from "./message-stages";
import {
  addUniqueCountsSql,
  countUniqueRecipientsSql,
  deleteRecipientsSql,
  rebuildRecipientsSql,
  upsertContactsSql,
  type UniqueCountsDelta,
} from "@/lib/delivery/sql/recipients";
import { mergeLinkClickersSql } from "@/lib/delivery/sql/link-clickers";

export { FIRST_CONTACT, type Contact } from "./first-contact";
export { sentAtSql } from "./sql";

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

type Tx = Prisma.TransactionClient;
const isStage = (name: string): name is Stage => name in FIRST_CONTACT;

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

/**
 * Records a batch's message events in CampaignRecipient and moves MessageDaily's unique counts to match (see
 * upsertContacts).
 */
export async function recordFirstContacts(tx: Tx, workspaceId: string, events: readonly ContactEvent[]): Promise<void> {
  await upsertContacts(tx, workspaceId, contactsOf(events));
}

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
  await tx.$executeRaw(upsertContactsSql(workspaceId, contacts));
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
  >(deleteRecipientsSql(workspaceId, from));
  const delivered = gone.filter((r) => r.deliveredAt);
  if (delivered.length > 0) {
    // What the merged profile's rows counted, taken back out (keys in order, as every rollup writer does).
    const rows = new Map<string, UniqueCountsDelta>();
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
    await tx.$executeRaw(addUniqueCountsSql(workspaceId, inKeyOrder(rows)));
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
  await tx.$executeRaw(mergeLinkClickersSql(workspaceId, from, into));
}

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
  await tx.$executeRaw(rebuildRecipientsSql(workspaceId, assignment, profiles));
}

/** MessageDaily's unique counts (recipients reached per stage) set from CampaignRecipient, once it is rebuilt. */
export async function countUniqueRecipients(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$executeRaw(countUniqueRecipientsSql(workspaceId));
}
