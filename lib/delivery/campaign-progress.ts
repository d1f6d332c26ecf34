import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";

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
    db.$queryRaw<{ campaignId: string; status: string; n: number }[]>(Prisma.sql`
      SELECT "campaignId", "status", count(*)::int AS n FROM "Message" WHERE "workspaceId" = ${workspaceId} AND "campaignId" IN (${Prisma.join(ids)}) GROUP BY 1, 2`),
    db.$queryRaw<{ campaignId: string; reason: string; n: number }[]>(Prisma.sql`
      SELECT "campaignId", "skipReason" AS reason, count(*)::int AS n FROM "Message"
      WHERE "workspaceId" = ${workspaceId} AND "campaignId" IN (${Prisma.join(ids)}) AND "status" = 'skipped' GROUP BY 1, 2 ORDER BY 3 DESC`),
    db.$queryRaw<
      {
        campaignId: string;
        sent: number;
        delivered: number;
        opened: number;
        clicked: number;
        converted: number;
        unsubscribed: number;
      }[]
    >(Prisma.sql`
      SELECT "campaignId", sum("sent")::int AS sent, sum("delivered")::int AS delivered, sum("opened")::int AS opened, sum("clicked")::int AS clicked,
             sum("converted")::int AS converted, sum("unsubscribed")::int AS unsubscribed
      FROM "MessageDaily" WHERE "workspaceId" = ${workspaceId} AND "campaignId" IN (${Prisma.join(ids)}) GROUP BY 1`),
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
