import { db } from "@/lib/db/client";
import type { EventListQuery } from "./schema";

export type TimelineEvent = {
  id: string;
  name: string;
  occurredAt: string;
  properties: unknown;
  channel: string | null;
  campaignId: string | null;
};

/** A profile's events, newest first, by id cursor; reads the (workspaceId, profileId, occurredAt) index. */
export async function listProfileEvents(workspaceId: string, profileId: string, query: EventListQuery) {
  const rows = await db.event.findMany({
    where: {
      workspaceId,
      profileId,
      ...(query.name ? { name: query.name } : {}),
      ...(query.before ? { id: { lt: query.before } } : {}),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    events: page.map((e): TimelineEvent => ({
      id: e.id.toString(),
      name: e.name,
      occurredAt: e.occurredAt.toISOString(),
      properties: e.properties,
      channel: e.channel,
      campaignId: e.campaignId,
    })),
    nextCursor: rows.length > query.limit ? page.at(-1)!.id.toString() : null,
  };
}
