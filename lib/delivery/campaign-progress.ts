import { db } from "@/lib/db/client";
import { campaignFunnelSql, messageStatusCountsSql, skipReasonCountsSql } from "@/lib/delivery/sql/campaigns";

/** Where a campaign's messages are: the progress bar and the skip-reason breakdown. */
export type CampaignProgress = {
  total: number;
  queued: number;
  sending: number;
  delivered: number;
  failed: number;
  skipped: number;
  withheld: number;
  cancelled: number;
  /** Final so far (everything but queued and sending), for the progress bar. */
  done: number;
  skipReasons: { reason: string; count: number }[];
  /** Funnel so far, from the message events (opened/clicked/converted are unique per message). */
  funnel: { sent: number; delivered: number; opened: number; clicked: number; converted: number; unsubscribed: number };
};

/** Progress of many campaigns in one query each (lists show the bar too). */
export async function campaignProgress(
  workspaceId: string,
  campaignIds: readonly string[],
): Promise<Map<string, CampaignProgress>> {
  const result = new Map<string, CampaignProgress>();
  if (campaignIds.length === 0) return result;
  const ids = [...campaignIds];
  const [statuses, reasons, funnel] = await Promise.all([
    db.$queryRaw<{ campaignId: string; status: string; n: number }[]>(messageStatusCountsSql(workspaceId, ids)),
    db.$queryRaw<{ campaignId: string; reason: string; n: number }[]>(skipReasonCountsSql(workspaceId, ids)),
    db.$queryRaw<({ campaignId: string } & CampaignProgress["funnel"])[]>(campaignFunnelSql(workspaceId, ids)),
  ]);
  for (const id of ids) {
    const count = (status: string) => statuses.find((s) => s.campaignId === id && s.status === status)?.n ?? 0;
    const total = statuses.filter((s) => s.campaignId === id).reduce((sum, s) => sum + s.n, 0);
    const f = funnel.find((r) => r.campaignId === id);
    result.set(id, {
      total,
      queued: count("queued"),
      sending: count("sending"),
      delivered: count("delivered"),
      failed: count("failed"),
      skipped: count("skipped"),
      withheld: count("withheld"),
      cancelled: count("cancelled"),
      done: total - count("queued") - count("sending"),
      skipReasons: reasons.filter((r) => r.campaignId === id).map((r) => ({ reason: r.reason, count: r.n })),
      funnel: {
        sent: f?.sent ?? 0,
        delivered: f?.delivered ?? 0,
        opened: f?.opened ?? 0,
        clicked: f?.clicked ?? 0,
        converted: f?.converted ?? 0,
        unsubscribed: f?.unsubscribed ?? 0,
      },
    });
  }
  return result;
}
