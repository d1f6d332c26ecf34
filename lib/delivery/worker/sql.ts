import { Prisma } from "@/lib/generated/prisma/client";

// The worker's statements on Message: claim due rows, check triggers' exits, record outcomes.

/**
 * Up to `limit` due messages of live campaigns, claimed until `leaseUntil` (claimMessages).
 * MATERIALIZED: the locking subquery runs exactly once. Joined inline, PostgreSQL may rescan it
 * (nested loop), and each rescan of a LIMIT … SKIP LOCKED query can return other rows.
 */
export const claimMessagesSql = (limit: number, leaseUntil: Date, now: Date) => Prisma.sql`
  WITH due AS MATERIALIZED (
    SELECT q."workspaceId", q."id" FROM "Message" q
    JOIN "Campaign" c ON c."workspaceId" = q."workspaceId" AND c."id" = q."campaignId"
    WHERE ((q."status" = 'queued' AND q."sendAfter" <= ${now}::timestamp)
        OR (q."status" = 'sending' AND q."leaseUntil" < ${now}::timestamp))
      AND c."status" IN ('scheduled', 'sending')
    ORDER BY q."sendAfter"
    LIMIT ${limit}
    FOR UPDATE OF q SKIP LOCKED
  )
  UPDATE "Message" m SET "status" = 'sending', "leaseUntil" = ${leaseUntil}::timestamp, "attempts" = m."attempts" + 1
  FROM due
  WHERE m."workspaceId" = due."workspaceId" AND m."id" = due."id"
  RETURNING m."workspaceId", m."id", m."campaignId", m."profileId", m."occurrence", m."channel", m."personaId",
    m."variantId", m."attempts", m."context"`;

/** A triggered message to check: whether its profile did one of `names` after `since`. */
export type ExitCheck = { id: string; profileId: string; since: string; names: string[] };

/** The ids of the checked messages whose profile did one of the check's events since. */
export const exitedTriggersSql = (workspaceId: string, checks: readonly ExitCheck[]) => Prisma.sql`
  SELECT c.id
  FROM unnest(${checks.map((c) => c.id)}::text[], ${checks.map((c) => c.profileId)}::text[],
              ${checks.map((c) => c.since)}::text[], ${checks.map((c) => c.names.join(","))}::text[])
    AS c(id, profile_id, since, names)
  WHERE EXISTS (SELECT 1 FROM "Event" e WHERE e."workspaceId" = ${workspaceId} AND e."profileId" = c.profile_id
                  AND e."name" = ANY (string_to_array(c.names, ',')) AND e."occurredAt" > c.since::timestamp)`;

/** A sent, skipped, deferred or failed message's new state. */
export type OutcomeRow = {
  id: string;
  status: string;
  skipReason: string | null;
  detail: string | null;
  sendAfter: Date | null;
  attemptsBack: number;
  variantId: string | null;
  provider: string | null;
  providerId: string | null;
  locale: string | null;
  rendered: string | null;
  sent: boolean;
  /** The persona the message was claimed with; kept where the message had none. */
  personaId: string | null;
};

/**
 * Writes the outcomes of messages this worker still holds (status sending, lease `leaseUntil`);
 * returns the ids it wrote — a row whose lease another worker took over is left alone.
 */
export function recordOutcomesSql(workspaceId: string, rows: readonly OutcomeRow[], now: Date, leaseUntil: Date) {
  const col = <K extends keyof OutcomeRow>(k: K) => rows.map((r) => r[k]);
  return Prisma.sql`
    UPDATE "Message" m SET
      "status" = u.status, "skipReason" = u.skip_reason,
      "skipDetail" = CASE WHEN u.status = 'skipped' THEN u.detail ELSE m."skipDetail" END,
      "lastError" = CASE WHEN u.status IN ('queued', 'failed', 'cancelled') THEN u.detail ELSE m."lastError" END,
      "sendAfter" = coalesce(u.send_after::timestamp, m."sendAfter"), "attempts" = m."attempts" - u.attempts_back,
      "leaseUntil" = NULL,
      "variantId" = u.variant_id, "personaId" = coalesce(m."personaId", u.persona_id), "provider" = u.provider,
      "providerId" = u.provider_id, "locale" = u.locale,
      "rendered" = u.rendered::jsonb,
      "sentAt" = CASE WHEN u.sent THEN ${now}::timestamp ELSE m."sentAt" END,
      "deliveredAt" = CASE WHEN u.sent THEN ${now}::timestamp ELSE m."deliveredAt" END
    FROM unnest(${col("id")}::text[], ${col("status")}::text[], ${col("skipReason")}::text[], ${col("detail")}::text[],
                ${rows.map((r) => r.sendAfter?.toISOString() ?? null)}::text[], ${col("attemptsBack")}::int[],
                ${col("variantId")}::text[], ${col("provider")}::text[], ${col("providerId")}::text[],
                ${col("locale")}::text[], ${col("rendered")}::text[], ${col("sent")}::boolean[],
                ${col("personaId")}::text[])
      AS u(id, status, skip_reason, detail, send_after, attempts_back, variant_id, provider, provider_id, locale,
           rendered, sent, persona_id)
    WHERE m."workspaceId" = ${workspaceId} AND m."id" = u.id AND m."status" = 'sending'
      AND m."leaseUntil" = ${leaseUntil}::timestamp
    RETURNING m."id"`;
}
