import { db } from "@/lib/db";
import type { InputJsonValue } from "@/lib/generated/prisma/internal/prismaNamespace";
import { PROVIDER_TEST_CAMPAIGN, type OutgoingMessage, type Provider, type SendResult } from "./provider";

/** Who the outbox says sent a campaign message (OutboxMessage.createdBy). */
export const CAMPAIGN_SENDER = "Campaign delivery";
const PROVIDER_TEST_SENDER = "Provider settings test";

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
          // The settings page's test sends are tests, not campaign deliveries.
          kind: message.campaignId === PROVIDER_TEST_CAMPAIGN ? "test" : "campaign",
          campaignId: message.campaignId === PROVIDER_TEST_CAMPAIGN ? null : message.campaignId,
          messageId: message.id,
          templateId: message.templateId ?? "",
          versionId: message.versionId ?? "",
          profileId: message.profileId,
          channel: message.channel,
          locale: message.locale ?? "default",
          rendered: message.rendered as InputJsonValue,
          createdBy: message.campaignId === PROVIDER_TEST_CAMPAIGN ? PROVIDER_TEST_SENDER : CAMPAIGN_SENDER,
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
