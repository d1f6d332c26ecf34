import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

/** A claimed Message: what the sender needs to decide, render and send it. */
export type ClaimedMessage = {
  workspaceId: string;
  id: string;
  campaignId: string;
  profileId: string;
  occurrence: string;
  channel: string;
  personaId: string | null;
  /** Set once an experiment arm was assigned (a send-time variant defers the message once). */
  variantId: string | null;
  attempts: number;
  context: Record<string, unknown> | null;
};

/**
 * Claims up to `limit` due messages of live campaigns until `leaseUntil`: queued rows whose time has
 * come, and rows whose previous claim's lease ran out (that worker died mid-send). SKIP LOCKED
 * lets several workers claim at once without waiting on or taking each other's rows. The claim
 * commits before anything is sent, so a crash leaves "sending" rows that the lease hands back.
 */
export async function claimMessages(limit: number, leaseUntil: Date, now = new Date()): Promise<ClaimedMessage[]> {
  // MATERIALIZED: the locking subquery runs exactly once. Joined inline, PostgreSQL may rescan it
  // (nested loop), and each rescan of a LIMIT … SKIP LOCKED query can return other rows.
  return db.$queryRaw<ClaimedMessage[]>(Prisma.sql`
    WITH due AS MATERIALIZED (
      SELECT q."workspaceId", q."id" FROM "Message" q
      JOIN "Campaign" c ON c."workspaceId" = q."workspaceId" AND c."id" = q."campaignId"
      WHERE ((q."status" = 'queued' AND q."sendAfter" <= ${now}::timestamp) OR (q."status" = 'sending' AND q."leaseUntil" < ${now}::timestamp))
        AND c."status" IN ('scheduled', 'sending')
      ORDER BY q."sendAfter"
      LIMIT ${limit}
      FOR UPDATE OF q SKIP LOCKED
    )
    UPDATE "Message" m SET "status" = 'sending', "leaseUntil" = ${leaseUntil}::timestamp, "attempts" = m."attempts" + 1
    FROM due
    WHERE m."workspaceId" = due."workspaceId" AND m."id" = due."id"
    RETURNING m."workspaceId", m."id", m."campaignId", m."profileId", m."occurrence", m."channel", m."personaId", m."variantId", m."attempts", m."context"`);
}
