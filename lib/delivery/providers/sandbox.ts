import { db } from "@/lib/db";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import type { OutgoingMessage, Provider, SendResult } from "./provider";

/** Who the outbox says sent a campaign message (OutboxMessage.createdBy). */
export const CAMPAIGN_SENDER = "Campaign delivery";

/**
 * The demo default: the rendered message lands in the sandbox outbox (OutboxMessage kind
 * "campaign") and goes nowhere else. Unique on the Message id, so a retried send finds the row it
 * wrote before and reports the same provider id instead of writing a second one.
 */
export function sandboxProvider(): Provider {
  return {
    kind: "sandbox",
    async send(message: OutgoingMessage): Promise<SendResult> {
      const where = { workspaceId_messageId: { workspaceId: message.workspaceId, messageId: message.id } };
      const row = await db.outboxMessage.upsert({
        where,
        update: {},
        create: {
          workspaceId: message.workspaceId,
          kind: "campaign",
          campaignId: message.campaignId,
          messageId: message.id,
          templateId: message.templateId ?? "",
          versionId: message.versionId ?? "",
          profileId: message.profileId,
          channel: message.channel,
          locale: message.locale ?? "default",
          rendered: message.rendered as InputJsonValue,
          createdBy: CAMPAIGN_SENDER,
        },
        select: { id: true },
      }).catch(async (error: unknown) => {
        // Two attempts racing on one message: the loser reads the winner's row.
        if ((error as { code?: string }).code !== "P2002") throw error;
        return db.outboxMessage.findUniqueOrThrow({ where, select: { id: true } });
      });
      return { ok: true, providerId: row.id };
    },
  };
}
