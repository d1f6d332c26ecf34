import { db } from "@/lib/db/client";

export type InboxMessage = {
  /** The Message id: what POST /api/v1/inapp/events takes. */
  messageId: string;
  layout: "modal" | "banner" | "card";
  title: string;
  body: string;
  imageUrl: string | null;
  buttons: { label: string; url: string }[];
  createdAt: string;
  expiresAt: string | null;
  seen: boolean;
  /** Clicked: the script shows a clicked modal or banner no more (a card stays until dismissed). */
  clicked: boolean;
};

export const INBOX_LIMIT = 20;

/**
 * A user's unexpired, undismissed in-app messages, newest first. An unknown user id is an empty
 * inbox, not an error: the script runs for every visitor, most of whom have no messages.
 */
export async function listInbox(workspaceId: string, externalId: string, now = new Date()): Promise<InboxMessage[]> {
  const profile = await db.profile.findUnique({
    where: { workspaceId_externalId: { workspaceId, externalId } },
    select: { id: true },
  });
  if (!profile) return [];
  const rows = await db.inAppMessage.findMany({
    where: {
      workspaceId,
      profileId: profile.id,
      dismissedAt: null,
      OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
    },
    orderBy: { createdAt: "desc" },
    take: INBOX_LIMIT,
  });
  return rows.map((r) => {
    const c = r.content as {
      title?: string;
      body?: string;
      imageUrl?: string | null;
      buttons?: { label: string; url: string }[];
    };
    return {
      messageId: r.messageId,
      layout: (["modal", "banner", "card"].includes(r.layout) ? r.layout : "modal") as InboxMessage["layout"],
      title: c.title ?? "",
      body: c.body ?? "",
      imageUrl: c.imageUrl ?? null,
      buttons: Array.isArray(c.buttons) ? c.buttons : [],
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt?.toISOString() ?? null,
      seen: r.seenAt !== null,
      clicked: r.clickedAt !== null,
    };
  });
}
