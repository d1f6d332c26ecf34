import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
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
    const col = (f: (m: OutgoingMessage) => string | null) => messages.map(f);
    // The settings page's test sends are tests, not campaign deliveries.
    const isTest = (m: OutgoingMessage) => m.campaignId === PROVIDER_TEST_CAMPAIGN;
    // One statement: insert the new rows, and read back the ones a retry finds already written
    // (same snapshot, so the second half sees only rows that existed before).
    const rows = await db.$queryRaw<{ messageId: string; id: string }[]>(Prisma.sql`
      WITH input AS (
        SELECT * FROM unnest(${col((m) => m.id)}::text[], ${col((m) => (isTest(m) ? null : m.campaignId))}::text[], ${col((m) => (isTest(m) ? "test" : "campaign"))}::text[], ${col((m) => (isTest(m) ? PROVIDER_TEST_SENDER : CAMPAIGN_SENDER))}::text[], ${col((m) => m.templateId ?? "")}::text[], ${col((m) => m.versionId ?? "")}::text[],
                             ${col((m) => m.profileId)}::text[], ${col((m) => m.channel)}::text[], ${col((m) => m.locale ?? "default")}::text[], ${col((m) => JSON.stringify(m.rendered))}::text[])
          AS u(message_id, campaign_id, kind, created_by, template_id, version_id, profile_id, channel, locale, rendered)
      ), added AS (
        INSERT INTO "OutboxMessage" ("workspaceId", "id", "kind", "campaignId", "messageId", "templateId", "versionId", "profileId", "channel", "locale", "rendered", "createdBy")
        SELECT ${workspaceId}, gen_random_uuid()::text, kind, campaign_id, message_id, template_id, version_id, profile_id, channel, locale, rendered::jsonb, created_by
        FROM input
        ON CONFLICT ("workspaceId", "messageId") DO NOTHING
        RETURNING "messageId", "id"
      )
      SELECT "messageId", "id" FROM added
      UNION ALL
      SELECT o."messageId", o."id" FROM "OutboxMessage" o JOIN input i ON o."messageId" = i.message_id WHERE o."workspaceId" = ${workspaceId}`);
    const idOf = new Map(rows.map((r) => [r.messageId, r.id]));
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
