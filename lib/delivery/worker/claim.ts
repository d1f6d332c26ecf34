import { db } from "@/lib/db/client";
import { claimMessagesSql } from "./sql";

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
  return db.$queryRaw<ClaimedMessage[]>(claimMessagesSql(limit, leaseUntil, now));
}
