import { db } from "@/lib/db/client";
import { AppError } from "@/lib/http/errors";
import type { OutboxQuery } from "./schema";

export type OutboxEntry = {
  id: string;
  kind: string;
  templateId: string;
  versionId: string;
  profileId: string;
  channel: string;
  locale: string;
  /** The locale asked for when the message was rendered in another one (`de-AT` read as `de`). */
  fallbackFrom: string | null;
  rendered: Record<string, unknown>;
  createdBy: string;
  createdAt: string;
  /** Campaign deliveries (kind "campaign"): the campaign and its Message. */
  campaignId: string | null;
  messageId: string | null;
};

export type OutboxFilters = Pick<OutboxQuery, "templateId" | "kind" | "campaignId" | "channel" | "profile">;

/**
 * The sandbox outbox, newest first. `before` is the id of the last message of the previous page:
 * paging by (createdAt, id) keeps messages of the same millisecond from being skipped or repeated.
 */
export async function listOutbox(workspaceId: string, options: { limit: number; before?: string } & OutboxFilters) {
  let cursor = {};
  if (options.before) {
    const last = await db.outboxMessage.findUnique({
      where: { workspaceId_id: { workspaceId, id: options.before } },
      select: { id: true, createdAt: true },
    });
    if (!last) throw new AppError(400, "invalid_input", "before: that outbox message was not found.", "before");
    cursor = { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] };
  }
  // A recipient is named the way people know them: profile id, e-mail or user id.
  const profileIds = options.profile
    ? (
        await db.profile.findMany({
          where: {
            workspaceId,
            OR: [{ id: options.profile }, { email: options.profile }, { externalId: options.profile }],
          },
          select: { id: true },
        })
      ).map((p) => p.id)
    : undefined;
  const rows = await db.outboxMessage.findMany({
    where: {
      workspaceId,
      ...(options.templateId ? { templateId: options.templateId } : {}),
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.campaignId ? { campaignId: options.campaignId } : {}),
      ...(options.channel ? { channel: options.channel } : {}),
      ...(profileIds ? { profileId: { in: profileIds } } : {}),
      ...cursor,
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
  });
  const page = rows.slice(0, options.limit);
  const messages: OutboxEntry[] = page.map((r) => ({
    id: r.id,
    kind: r.kind,
    templateId: r.templateId,
    versionId: r.versionId,
    profileId: r.profileId,
    channel: r.channel,
    locale: r.locale,
    fallbackFrom: r.fallbackFrom,
    rendered: r.rendered as Record<string, unknown>,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    campaignId: r.campaignId,
    messageId: r.messageId,
  }));
  return { messages, nextBefore: rows.length > options.limit ? page.at(-1)!.id : null };
}
