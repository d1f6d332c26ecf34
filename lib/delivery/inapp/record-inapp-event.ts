import { db } from "@/lib/db/client";
import { recordOutcomes, type Outcome } from "@/lib/delivery/tracking/record-outcomes";
import { AppError } from "@/lib/http/errors";
import type { InAppEventInput } from "./schema";

/**
 * What the inbox script reports. An impression opens the message, a click opens and clicks it (a
 * click on an unseen message still saw it), a dismissal hides it. Timestamps keep the first
 * occurrence; the message events are deduplicated by `<message id>:opened` / `:clicked` in Event,
 * so the same report twice — or a click through a tracked link too — counts once in
 * MessageDaily. Test sends (no Message row) only get their timestamps.
 */
export async function recordInAppEvent(workspaceId: string, input: InAppEventInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const inbox = await tx.inAppMessage.findUnique({
      where: { workspaceId_messageId: { workspaceId, messageId: input.messageId } },
    });
    const profile = inbox
      ? await tx.profile.findUnique({
          where: { workspaceId_id: { workspaceId, id: inbox.profileId } },
          select: { id: true, externalId: true },
        })
      : null;
    // Another user's message reads as absent: a client key must not reveal or touch it.
    if (!inbox || !profile || profile.externalId !== input.userId)
      throw new AppError(404, "not_found", "messageId: this user has no such in-app message.", "messageId");
    const opened = input.type === "impression" || input.type === "click";
    await tx.inAppMessage.update({
      where: { workspaceId_id: { workspaceId, id: inbox.id } },
      data: {
        ...(opened && !inbox.seenAt ? { seenAt: now } : {}),
        ...(input.type === "click" && !inbox.clickedAt ? { clickedAt: now } : {}),
        ...(input.type === "dismiss" && !inbox.dismissedAt ? { dismissedAt: now } : {}),
      },
    });
    const names: Outcome["name"][] =
      input.type === "impression"
        ? ["message_opened"]
        : input.type === "click"
          ? ["message_opened", "message_clicked"]
          : [];
    const message =
      names.length > 0
        ? await tx.message.findUnique({ where: { workspaceId_id: { workspaceId, id: inbox.messageId } } })
        : null;
    // The same path as tracked links and the open pixel: Event, rollups, MessageDaily, Message stamps, each once.
    const written = message
      ? await recordOutcomes(
          tx,
          workspaceId,
          names.map((name) => ({ message, name, occurredAt: now, properties: { source: "inapp_script" } })),
        )
      : 0;
    return { messageId: inbox.messageId, type: input.type, recorded: written };
  });
}
