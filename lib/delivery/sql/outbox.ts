import { Prisma } from "@/lib/generated/prisma/client";

/** One sandbox send as an OutboxMessage row. */
export type OutboxRow = {
  messageId: string;
  campaignId: string | null;
  kind: "campaign" | "test";
  createdBy: string;
  templateId: string;
  versionId: string;
  profileId: string;
  channel: string;
  locale: string;
  /** The rendered message, as JSON. */
  rendered: string;
};

/**
 * Writes the rows not written yet and returns every row's outbox id (messageId, id). One statement:
 * insert the new rows, and read back the ones a retry finds already written (same snapshot, so the
 * second half sees only rows that existed before).
 */
export function writeOutboxSql(workspaceId: string, rows: readonly OutboxRow[]): Prisma.Sql {
  const col = <K extends keyof OutboxRow>(k: K) => rows.map((r) => r[k]);
  return Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(${col("messageId")}::text[], ${col("campaignId")}::text[], ${col("kind")}::text[],
                           ${col("createdBy")}::text[], ${col("templateId")}::text[], ${col("versionId")}::text[],
                           ${col("profileId")}::text[], ${col("channel")}::text[], ${col("locale")}::text[],
                           ${col("rendered")}::text[])
        AS u(message_id, campaign_id, kind, created_by, template_id, version_id, profile_id, channel, locale, rendered)
    ), added AS (
      INSERT INTO "OutboxMessage" ("workspaceId", "id", "kind", "campaignId", "messageId", "templateId", "versionId",
        "profileId", "channel", "locale", "rendered", "createdBy")
      SELECT ${workspaceId}, gen_random_uuid()::text, kind, campaign_id, message_id, template_id, version_id,
        profile_id, channel, locale, rendered::jsonb, created_by
      FROM input
      ON CONFLICT ("workspaceId", "messageId") DO NOTHING
      RETURNING "messageId", "id"
    )
    SELECT "messageId", "id" FROM added
    UNION ALL
    SELECT o."messageId", o."id" FROM "OutboxMessage" o JOIN input i ON o."messageId" = i.message_id
    WHERE o."workspaceId" = ${workspaceId}`;
}
