import { db } from "@/lib/db/client";
import { writeOutboxSql, type OutboxRow } from "@/lib/delivery/sql/outbox";
import { PROVIDER_TEST_CAMPAIGN, type OutgoingMessage, type Provider, type SendResult } from "./provider";

/** Who the outbox says sent a campaign message (OutboxMessage.createdBy). */
export const CAMPAIGN_SENDER = "Campaign delivery";
const PROVIDER_TEST_SENDER = "Provider settings test";

/**
 * The demo default: the rendered message lands in the sandbox outbox (OutboxMessage kind
 * "campaign") and goes nowhere else. Unique on the Message id, so a retried send finds the row it
 * wrote before and reports the same provider id instead of writing a second one. A batch is one
 * insert and one read.
 */
export function sandboxProvider(): Provider {
  const sendMany = async (messages: readonly OutgoingMessage[]): Promise<SendResult[]> => {
    if (messages.length === 0) return [];
    const workspaceId = messages[0]!.workspaceId;
    // The settings page's test sends are tests, not campaign deliveries.
    const rows = messages.map((m): OutboxRow => {
      const isTest = m.campaignId === PROVIDER_TEST_CAMPAIGN;
      return {
        messageId: m.id,
        campaignId: isTest ? null : m.campaignId,
        kind: isTest ? "test" : "campaign",
        createdBy: isTest ? PROVIDER_TEST_SENDER : CAMPAIGN_SENDER,
        templateId: m.templateId ?? "",
        versionId: m.versionId ?? "",
        profileId: m.profileId,
        channel: m.channel,
        locale: m.locale ?? "default",
        rendered: JSON.stringify(m.rendered),
      };
    });
    const written = await db.$queryRaw<{ messageId: string; id: string }[]>(writeOutboxSql(workspaceId, rows));
    const idOf = new Map(written.map((r) => [r.messageId, r.id]));
    return messages.map((m): SendResult =>
      idOf.has(m.id)
        ? { ok: true, providerId: idOf.get(m.id)! }
        : { ok: false, transient: true, error: "The outbox row was not written." },
    );
  };
  return {
    kind: "sandbox",
    sendMany,
    send: async (message) => (await sendMany([message]))[0]!,
  };
}
