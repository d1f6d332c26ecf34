import { db } from "@/lib/db";
import { bumpMessageDaily, type MessageDailyEvent } from "@/lib/delivery/message-daily";
import type { MessageEventName } from "@/lib/delivery/message-stages";
import { AppError } from "@/lib/http/errors";
import type { InAppEventInput } from "./schema";

const STAGE_SUFFIX: Partial<Record<MessageEventName, string>> = { message_opened: "opened", message_clicked: "clicked" };

/**
 * What the inbox script reports. An impression opens the message, a click opens and clicks it (a
 * click on an unseen message still saw it), a dismissal hides it. Timestamps keep the first
 * occurrence; the message events are deduplicated by `<message id>:opened` / `:clicked` in Event,
 * so the same report twice — or a click through a tracked link too — counts once in
 * MessageDaily. Test sends (no Message row) only get their timestamps.
 */
export async function recordInAppEvent(workspaceId: string, input: InAppEventInput, now = new Date()) {
  return db.$transaction(async (tx) => {
    const inbox = await tx.inAppMessage.findUnique({ where: { workspaceId_messageId: { workspaceId, messageId: input.messageId } } });
    const profile = inbox ? await tx.profile.findUnique({ where: { workspaceId_id: { workspaceId, id: inbox.profileId } }, select: { id: true, externalId: true } }) : null;
    // Another user's message reads as absent: a client key must not reveal or touch it.
    if (!inbox || !profile || profile.externalId !== input.userId) throw new AppError(404, "not_found", "messageId: this user has no such in-app message.", "messageId");
    const opened = input.type === "impression" || input.type === "click";
    await tx.inAppMessage.update({
      where: { workspaceId_id: { workspaceId, id: inbox.id } },
      data: {
        ...(opened && !inbox.seenAt ? { seenAt: now } : {}),
        ...(input.type === "click" && !inbox.clickedAt ? { clickedAt: now } : {}),
        ...(input.type === "dismiss" && !inbox.dismissedAt ? { dismissedAt: now } : {}),
      },
    });
    const names: MessageEventName[] = input.type === "impression" ? ["message_opened"] : input.type === "click" ? ["message_opened", "message_clicked"] : [];
    const message = names.length > 0 ? await tx.message.findUnique({ where: { workspaceId_id: { workspaceId, id: inbox.messageId } } }) : null;
    const written: MessageEventName[] = [];
    if (message) {
      for (const name of names) {
        const { count } = await tx.event.createMany({
          data: [
            {
              workspaceId,
              profileId: inbox.profileId,
              name,
              occurredAt: now,
              messageId: `${message.id}:${STAGE_SUFFIX[name]}`,
              campaignId: message.campaignId,
              variantId: message.variantId,
              channel: "in_app",
              properties: { messageId: message.id, campaignId: message.campaignId, channel: "in_app", source: "inapp_script" },
            },
          ],
          skipDuplicates: true,
        });
        if (count === 1) written.push(name);
      }
      const daily: MessageDailyEvent[] = written.map((name) => ({ name, occurredAt: now, campaignId: message.campaignId, variantId: message.variantId, channel: "in_app", personaId: message.personaId }));
      await bumpMessageDaily(tx, workspaceId, daily);
      const stamps = {
        ...(opened && !message.openedAt ? { openedAt: now } : {}),
        ...(input.type === "click" && !message.clickedAt ? { clickedAt: now } : {}),
      };
      if (Object.keys(stamps).length > 0) await tx.message.update({ where: { workspaceId_id: { workspaceId, id: message.id } }, data: stamps });
    }
    return { messageId: inbox.messageId, type: input.type, events: written };
  });
}
