import { Prisma } from "@/lib/generated/prisma/client";
import { TAILOR_SIDE_EVENTS } from "../activity";
import { VIEW_EVENTS, type AdvancedCounts } from "./running-counts";

const tailorSide = Prisma.join(TAILOR_SIDE_EVENTS.map((name) => Prisma.sql`${name}`));
const viewEvents = Prisma.join(VIEW_EVENTS.map((name) => Prisma.sql`${name}`));

// An upsert into ProfileEventTotal adds the counts and widens the first–last day span.
const foldTotals = Prisma.sql`"count" = "ProfileEventTotal"."count" + excluded."count",
      "firstDay" = least("ProfileEventTotal"."firstDay", excluded."firstDay"),
      "lastDay" = greatest("ProfileEventTotal"."lastDay", excluded."lastDay")`;

/**
 * ProfileActivity rows (one per profile) for the ("profileId", "day") rows of `days`: day and week
 * numbers counted from a Monday, made into bit strings by tailor_bits (migration profile_activity).
 */
const activityRowsSql = (workspaceId: string, days: Prisma.Sql) => Prisma.sql`
  SELECT ${workspaceId}, "profileId", min("day"), tailor_bits(array_agg("day" - DATE '2000-01-03')),
         date_trunc('week', min("day"))::date, tailor_bits(array_agg((date_trunc('week', "day")::date - DATE
           '2000-01-03') / 7))
  FROM (${days}) d GROUP BY 2`;
// A profile's stored activity and new days (or a merged profile's activity) as one: the union of both bit strings.
const foldActivity = Prisma.sql`
      "days" = tailor_or_bits("ProfileActivity"."days", excluded."days",
        excluded."firstDay" - "ProfileActivity"."firstDay"),
      "firstDay" = least("ProfileActivity"."firstDay", excluded."firstDay"),
      "weeks" = tailor_or_bits("ProfileActivity"."weeks", excluded."weeks", (excluded."firstWeek" -
        "ProfileActivity"."firstWeek") / 7),
      "firstWeek" = least("ProfileActivity"."firstWeek", excluded."firstWeek")`;
const ACTIVITY_COLUMNS = Prisma.sql`("workspaceId", "profileId", "firstDay", "days", "firstWeek", "weeks")`;
const COUNTER_COLUMNS = Prisma.sql`("workspaceId", "profileId", "kind", "key", "count")`;
const COUNTER_KEY = Prisma.sql`("workspaceId", "profileId", "kind", "key")`;

// Bulk statements for ingestion, one round trip each. Ids travel as text[]; event rows as one JSON
// document (json_to_recordset): one string to serialize and parse instead of nine escaped arrays.

// Lookups by a batch's ids: one array parameter each, where Prisma's `in` filter binds one per id.

export const storedMessageIdsSql = (workspaceId: string, messageIds: string[]) => Prisma.sql`
  SELECT "messageId" FROM "Event" WHERE "workspaceId" = ${workspaceId} AND "messageId" = ANY(${messageIds}::text[])`;

export const profilesByExternalIdSql = (workspaceId: string, externalIds: string[]) => Prisma.sql`
  SELECT "id", "externalId" FROM "Profile" WHERE "workspaceId" = ${workspaceId} AND "externalId" =
    ANY(${externalIds}::text[])`;

export const aliasesSql = (workspaceId: string, anonymousIds: string[]) => Prisma.sql`
  SELECT a."anonymousId", a."profileId", p."externalId" FROM "ProfileAlias" a
  JOIN "Profile" p ON p."workspaceId" = a."workspaceId" AND p."id" = a."profileId"
  WHERE a."workspaceId" = ${workspaceId} AND a."anonymousId" = ANY(${anonymousIds}::text[])`;

export const insertProfilesSql = (workspaceId: string, ids: string[], externalIds: (string | null)[]) => Prisma.sql`
  INSERT INTO "Profile" ("workspaceId", "id", "externalId", "updatedAt")
  SELECT ${workspaceId}, u.id, u.external_id, now()
  FROM unnest(${ids}::text[], ${externalIds}::text[]) AS u(id, external_id)`;

export const setExternalIdsSql = (workspaceId: string, profileId: string, externalId: string) => Prisma.sql`
  UPDATE "Profile" SET "externalId" = ${externalId}, "updatedAt" = now()
  WHERE "workspaceId" = ${workspaceId} AND "id" = ${profileId} AND "externalId" IS NULL`;

// The latest call wins: an anonymous id moves to the profile it was last seen with.
export const insertAliasesSql = (workspaceId: string, anonymousIds: string[], profileIds: string[]) => Prisma.sql`
  INSERT INTO "ProfileAlias" ("workspaceId", "anonymousId", "profileId")
  SELECT ${workspaceId}, u.anonymous_id, u.profile_id FROM unnest(${anonymousIds}::text[], ${profileIds}::text[]) AS
    u(anonymous_id, profile_id)
  ON CONFLICT ("workspaceId", "anonymousId") DO UPDATE SET "profileId" = excluded."profileId"`;

/**
 * One event to store (`occurredAt` travels as its ISO instant, UTC); `revenue` a decimal string;
 * `receivedAt` the call's arrival (the statement's time when absent).
 */
export type EventRow = {
  profileId: string;
  name: string;
  occurredAt: Date;
  receivedAt?: Date;
  messageId: string;
  properties: Record<string, unknown>;
  campaignId: string | null;
  variantId: string | null;
  channel: string | null;
  revenue: string | null;
};

/**
 * Inserts the events, skipping messageIds already stored (replays), and — for the rows actually
 * inserted, in the same statement — upserts the daily and all-time rollups and advances the computed traits.
 * "$identify"/"$alias" rows are kept for the timeline only; Tailor's own message events are counted
 * in the rollups but are not the customer's activity (first/last seen, active days).
 * The running counts arrive from the server (`counts`: what to add to ProfileCounter and the top
 * keys that changed), computed from every row of `rows`; they are applied to profiles with inserted
 * activity only, and the caller recomputes a profile whose rows were not all inserted. Returns the
 * messageIds that were new.
 */
export const insertEventsSql = (workspaceId: string, rows: readonly EventRow[], counts: AdvancedCounts) => Prisma.sql`
  WITH input AS (
    SELECT * FROM json_to_recordset(${JSON.stringify(rows)}::json) AS u(
      "profileId" text, "name" text, "occurredAt" timestamp, "receivedAt" timestamp, "messageId" text,
      "properties" jsonb, "campaignId" text, "variantId" text, "channel" text, "revenue" numeric)
  ), inserted AS (
    INSERT INTO "Event" ("workspaceId", "profileId", "name", "occurredAt", "receivedAt", "messageId", "properties",
      "campaignId", "variantId", "channel", "revenue")
    SELECT ${workspaceId}, "profileId", "name", "occurredAt", coalesce("receivedAt", CURRENT_TIMESTAMP), "messageId",
      "properties", "campaignId", "variantId", "channel", "revenue"
    FROM input
    ON CONFLICT ("workspaceId", "messageId") DO NOTHING
    RETURNING "profileId", "name", "occurredAt", "messageId", "revenue"
  ), counted AS (
    SELECT * FROM inserted WHERE left("name", 1) <> '$'
  ), activity AS (
    SELECT * FROM counted WHERE "name" NOT IN (${tailorSide})
  ), daily AS (
    INSERT INTO "ProfileEventDaily" ("workspaceId", "profileId", "name", "day", "count")
    SELECT ${workspaceId}, "profileId", "name", "occurredAt"::date, count(*)::int FROM counted GROUP BY 2, 3, 4
    ON CONFLICT ("workspaceId", "profileId", "name", "day") DO UPDATE SET "count" = "ProfileEventDaily"."count" +
      excluded."count"
  ), total AS (
    INSERT INTO "ProfileEventTotal" ("workspaceId", "profileId", "name", "count", "firstDay", "lastDay")
    SELECT ${workspaceId}, "profileId", "name", count(*)::int, min("occurredAt")::date, max("occurredAt")::date FROM
      counted GROUP BY 2, 3
    ON CONFLICT ("workspaceId", "profileId", "name") DO UPDATE SET ${foldTotals}
  ), active AS (
    INSERT INTO "ProfileActiveDay" ("workspaceId", "profileId", "day")
    SELECT DISTINCT ${workspaceId}, "profileId", "occurredAt"::date FROM activity
    ON CONFLICT DO NOTHING
    RETURNING "profileId", "day"
  ), summary AS (
    -- Only days new to the profile change its activity bits.
    INSERT INTO "ProfileActivity" ${ACTIVITY_COLUMNS}
    ${activityRowsSql(workspaceId, Prisma.sql`SELECT * FROM active`)}
    ON CONFLICT ("workspaceId", "profileId") DO UPDATE SET ${foldActivity}
  ), totals AS (
    SELECT "profileId",
      count(*) FILTER (WHERE "name" = 'purchase')::int AS orders,
      coalesce(sum("revenue") FILTER (WHERE "name" = 'purchase'), 0) AS revenue,
      max("occurredAt") FILTER (WHERE "name" = 'purchase') AS last_purchase,
      min("occurredAt") AS first_seen,
      max("occurredAt") AS last_seen
    FROM activity GROUP BY 1
  ), counters AS (
    -- Narrow rows, not the wide Profile row, take each batch's counts (docs/data.md, "Tables").
    INSERT INTO "ProfileCounter" ${COUNTER_COLUMNS}
    SELECT ${workspaceId}, a."profileId", a."kind", a."key", a."count"
    FROM json_to_recordset(${JSON.stringify(counts.added)}::json) AS a("profileId" text, "kind" text, "key" text,
      "count" int)
    WHERE a."profileId" IN (SELECT "profileId" FROM totals)
    ORDER BY 2, 3, 4
    ON CONFLICT ${COUNTER_KEY} DO UPDATE SET "count" = "ProfileCounter"."count" + excluded."count"
  ), counts AS (
    SELECT * FROM json_to_recordset(${JSON.stringify(counts.topKeys)}::json)
      AS c("profileId" text, "favouriteCategory" text, "activeHour" int)
  ), traits AS (
    UPDATE "Profile" p SET
      "ordersCount" = p."ordersCount" + t.orders,
      "ltv" = p."ltv" + t.revenue,
      "aov" = CASE WHEN p."ordersCount" + t.orders > 0 THEN round((p."ltv" + t.revenue) / (p."ordersCount" + t.orders),
        2) END,
      "lastPurchaseAt" = greatest(p."lastPurchaseAt", t.last_purchase),
      "firstSeenAt" = least(p."firstSeenAt", t.first_seen),
      "lastSeenAt" = greatest(p."lastSeenAt", t.last_seen),
      "favouriteCategory" = coalesce(c."favouriteCategory", p."favouriteCategory"),
      "activeHour" = coalesce(c."activeHour", p."activeHour"),
      "updatedAt" = now()
    FROM totals t LEFT JOIN counts c USING ("profileId")
    WHERE p."workspaceId" = ${workspaceId} AND p."id" = t."profileId"
  )
  SELECT "messageId" FROM inserted`;

/**
 * Locks a batch's profiles in id order before anything of theirs is read and rewritten, and reads
 * their time zones and top keys: concurrent batches touching the same profiles then queue instead
 * of deadlocking, and the top keys computed for insertEventsSql cannot be overwritten by a batch
 * that read the counts before this one committed.
 */
export const lockProfilesSql = (workspaceId: string, ids: string[]) => Prisma.sql`
  SELECT "id", "timezone", "favouriteCategory", "activeHour" FROM "Profile"
  WHERE "workspaceId" = ${workspaceId} AND "id" = ANY(${ids}::text[]) ORDER BY "id" FOR NO KEY UPDATE`;

/**
 * The running counts of locked profiles, in a statement of their own after lockProfilesSql: a new
 * statement's snapshot sees what the batch that held the locks before committed (a subquery in the
 * locking statement would read its older snapshot).
 */
export const profileCountersSql = (workspaceId: string, ids: string[]) => Prisma.sql`
  SELECT "profileId", "kind", "key", "count" FROM "ProfileCounter"
  WHERE "workspaceId" = ${workspaceId} AND "profileId" = ANY(${ids}::text[])`;

/** Applies identify traits: merged into the JSON, first-class fields promoted, consent merged. */
export const applyTraitsSql = (
  workspaceId: string,
  rows: {
    ids: string[];
    traits: string[];
    consent: string[];
    email: (string | null)[];
    phone: (string | null)[];
    locale: (string | null)[];
    timezone: (string | null)[];
    country: (string | null)[];
    city: (string | null)[];
    platform: (string | null)[];
  },
) => Prisma.sql`
  UPDATE "Profile" p SET
    "traits" = p."traits" || u.traits::jsonb,
    "consent" = p."consent" || u.consent::jsonb,
    "email" = coalesce(u.email, p."email"),
    "phone" = coalesce(u.phone, p."phone"),
    "locale" = coalesce(u.locale, p."locale"),
    "timezone" = coalesce(u.timezone, p."timezone"),
    "country" = coalesce(u.country, p."country"),
    "city" = coalesce(u.city, p."city"),
    "platform" = coalesce(u.platform, p."platform"),
    "updatedAt" = now()
  FROM unnest(${rows.ids}::text[], ${rows.traits}::text[], ${rows.consent}::text[], ${rows.email}::text[],
    ${rows.phone}::text[],
              ${rows.locale}::text[], ${rows.timezone}::text[], ${rows.country}::text[], ${rows.city}::text[],
                ${rows.platform}::text[])
    AS u(id, traits, consent, email, phone, locale, timezone, country, city, platform)
  WHERE p."workspaceId" = ${workspaceId} AND p."id" = u.id`;

/** Moves everything of an anonymous profile onto the known one, then deletes it. */
export const mergeProfileSql = (workspaceId: string, from: string, into: string) => [
  Prisma.sql`UPDATE "Event" SET "profileId" = ${into} WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${from}`,
  Prisma.sql`
    INSERT INTO "ProfileEventDaily" ("workspaceId", "profileId", "name", "day", "count")
    SELECT "workspaceId", ${into}, "name", "day", "count" FROM "ProfileEventDaily" WHERE "workspaceId" = ${workspaceId}
      AND "profileId" = ${from}
    ON CONFLICT ("workspaceId", "profileId", "name", "day") DO UPDATE SET "count" = "ProfileEventDaily"."count" +
      excluded."count"`,
  Prisma.sql`DELETE FROM "ProfileEventDaily" WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${from}`,
  Prisma.sql`
    INSERT INTO "ProfileEventTotal" ("workspaceId", "profileId", "name", "count", "firstDay", "lastDay")
    SELECT "workspaceId", ${into}, "name", "count", "firstDay", "lastDay" FROM "ProfileEventTotal" WHERE "workspaceId" =
      ${workspaceId} AND "profileId" = ${from}
    ON CONFLICT ("workspaceId", "profileId", "name") DO UPDATE SET ${foldTotals}`,
  Prisma.sql`DELETE FROM "ProfileEventTotal" WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${from}`,
  Prisma.sql`
    INSERT INTO "ProfileActiveDay" ("workspaceId", "profileId", "day")
    SELECT "workspaceId", ${into}, "day" FROM "ProfileActiveDay" WHERE "workspaceId" = ${workspaceId} AND "profileId" =
      ${from}
    ON CONFLICT DO NOTHING`,
  Prisma.sql`DELETE FROM "ProfileActiveDay" WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${from}`,
  Prisma.sql`
    INSERT INTO "ProfileActivity" ${ACTIVITY_COLUMNS}
    SELECT "workspaceId", ${into}, "firstDay", "days", "firstWeek", "weeks" FROM "ProfileActivity" WHERE "workspaceId" =
      ${workspaceId} AND "profileId" = ${from}
    ON CONFLICT ("workspaceId", "profileId") DO UPDATE SET ${foldActivity}`,
  Prisma.sql`DELETE FROM "ProfileActivity" WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${from}`,
  // The counts add up; the top keys follow from them in recomputeTraitsSql, which every merge runs next.
  Prisma.sql`
    INSERT INTO "ProfileCounter" ${COUNTER_COLUMNS}
    SELECT "workspaceId", ${into}, "kind", "key", "count" FROM "ProfileCounter" WHERE "workspaceId" = ${workspaceId}
      AND "profileId" = ${from}
    ON CONFLICT ${COUNTER_KEY} DO UPDATE SET "count" = "ProfileCounter"."count" + excluded."count"`,
  Prisma.sql`DELETE FROM "ProfileCounter" WHERE "workspaceId" = ${workspaceId} AND "profileId" = ${from}`,
  Prisma.sql`UPDATE "ProfileAlias" SET "profileId" = ${into} WHERE "workspaceId" = ${workspaceId} AND "profileId" =
    ${from}`,
  // The known profile's own values win; the anonymous ones fill gaps.
  Prisma.sql`
    UPDATE "Profile" i SET
      "traits" = f."traits" || i."traits", "consent" = f."consent" || i."consent",
      "email" = coalesce(i."email", f."email"), "phone" = coalesce(i."phone", f."phone"), "locale" =
        coalesce(i."locale", f."locale"),
      "timezone" = coalesce(i."timezone", f."timezone"), "country" = coalesce(i."country", f."country"), "city" =
        coalesce(i."city", f."city"),
      "platform" = coalesce(i."platform", f."platform"), "updatedAt" = now()
    FROM "Profile" f WHERE i."workspaceId" = ${workspaceId} AND i."id" = ${into} AND f."workspaceId" = ${workspaceId}
      AND f."id" = ${from}`,
  Prisma.sql`DELETE FROM "Profile" WHERE "workspaceId" = ${workspaceId} AND "id" = ${from}`,
];

/** Which profiles a recount covers: a list of ids, a range of ids [from, to) (to: null = to the end), or all (null). */
export type ProfileScope = string[] | { from: string; to: string | null } | null;

/** `AND <column> …` limiting a statement to the profiles in scope (nothing for null: the whole workspace). */
export const profileScopeSql = (profiles: ProfileScope, column: Prisma.Sql = Prisma.sql`"profileId"`) => {
  if (profiles === null) return Prisma.empty;
  if (Array.isArray(profiles)) return Prisma.sql`AND ${column} = ANY(${profiles}::text[])`;
  return Prisma.sql`AND ${column} >= ${profiles.from}
    ${profiles.to === null ? Prisma.empty : Prisma.sql`AND ${column} < ${profiles.to}`}`;
};

/**
 * Recomputes computed traits from all events of the given profiles (null: the whole workspace),
 * set-based: after a merge, a bulk load or an import. The running counts (ProfileCounter) are
 * rebuilt in the same statement — stale keys deleted, the others set — and each top key is the
 * highest count, a tie going to the key first in code-point order (as topKey does in the server).
 */
export const recomputeTraitsSql = (workspaceId: string, profileIds: ProfileScope) => Prisma.sql`
  WITH activity AS (
    SELECT e."profileId", e."name", e."occurredAt", e."properties", e."revenue" FROM "Event" e
    WHERE e."workspaceId" = ${workspaceId} ${profileScopeSql(profileIds)} AND left(e."name", 1) <> '$' AND e."name" NOT
      IN (${tailorSide})
  ), totals AS (
    SELECT "profileId", count(*) FILTER (WHERE "name" = 'purchase')::int AS orders,
      coalesce(sum("revenue") FILTER (WHERE "name" = 'purchase'), 0) AS revenue,
      max("occurredAt") FILTER (WHERE "name" = 'purchase') AS last_purchase,
      min("occurredAt") AS first_seen, max("occurredAt") AS last_seen
    FROM activity GROUP BY 1
  ), counted AS (
    SELECT "profileId", 'category'::text AS kind, "properties"->>'category' AS key, count(*)::int AS n FROM activity
    WHERE "name" IN (${viewEvents}) AND jsonb_typeof("properties"->'category') = 'string' GROUP BY 1, 2, 3
    UNION ALL
    SELECT a."profileId", 'hour'::text, extract(hour FROM (a."occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE
      coalesce(p."timezone", 'UTC'))::int::text, count(*)::int
    FROM activity a JOIN "Profile" p ON p."workspaceId" = ${workspaceId} AND p."id" = a."profileId" GROUP BY 1, 2, 3
  ), stale AS (
    -- Deleting only keys no longer counted keeps this apart from the upsert below (one statement cannot delete and
    -- insert the same key).
    DELETE FROM "ProfileCounter" o WHERE o."workspaceId" = ${workspaceId}
      ${profileScopeSql(profileIds, Prisma.sql`o."profileId"`)}
      AND NOT EXISTS (SELECT FROM counted c WHERE c."profileId" = o."profileId" AND c.kind = o."kind"
        AND c.key = o."key")
  ), counters AS (
    INSERT INTO "ProfileCounter" ${COUNTER_COLUMNS}
    SELECT ${workspaceId}, "profileId", kind, key, n FROM counted ORDER BY 2, 3, 4
    ON CONFLICT ${COUNTER_KEY} DO UPDATE SET "count" = excluded."count"
  ), top AS (
    SELECT DISTINCT ON ("profileId", kind) "profileId", kind, key FROM counted
    ORDER BY "profileId", kind, n DESC, key COLLATE "C"
  )
  UPDATE "Profile" p SET
    "ordersCount" = coalesce(t.orders, 0), "ltv" = coalesce(t.revenue, 0),
    "aov" = CASE WHEN t.orders > 0 THEN round(t.revenue / t.orders, 2) END,
    "lastPurchaseAt" = t.last_purchase, "firstSeenAt" = t.first_seen, "lastSeenAt" = t.last_seen,
    "favouriteCategory" = c.key, "activeHour" = h.key::int, "updatedAt" = now()
  FROM "Profile" q
    LEFT JOIN totals t ON t."profileId" = q."id"
    LEFT JOIN top c ON c."profileId" = q."id" AND c.kind = 'category'
    LEFT JOIN top h ON h."profileId" = q."id" AND h.kind = 'hour'
  WHERE p."workspaceId" = ${workspaceId} AND q."workspaceId" = ${workspaceId} AND q."id" = p."id"
    ${profileScopeSql(profileIds, Prisma.sql`p."id"`)}`;

/** Rebuilds the rollups from raw events (null: the whole workspace); the all-time totals from the daily rows. */
export const rebuildRollupsSql = (workspaceId: string, profileIds: ProfileScope) => [
  Prisma.sql`DELETE FROM "ProfileEventDaily" WHERE "workspaceId" = ${workspaceId} ${profileScopeSql(profileIds)}`,
  Prisma.sql`
    INSERT INTO "ProfileEventDaily" ("workspaceId", "profileId", "name", "day", "count")
    SELECT ${workspaceId}, "profileId", "name", "occurredAt"::date, count(*)::int FROM "Event"
    WHERE "workspaceId" = ${workspaceId} ${profileScopeSql(profileIds)} AND left("name", 1) <> '$' GROUP BY 2, 3, 4
      ORDER BY 2, 3, 4`,
  Prisma.sql`DELETE FROM "ProfileEventTotal" WHERE "workspaceId" = ${workspaceId} ${profileScopeSql(profileIds)}`,
  Prisma.sql`
    INSERT INTO "ProfileEventTotal" ("workspaceId", "profileId", "name", "count", "firstDay", "lastDay")
    SELECT ${workspaceId}, "profileId", "name", sum("count")::int, min("day"), max("day") FROM "ProfileEventDaily"
    WHERE "workspaceId" = ${workspaceId} ${profileScopeSql(profileIds)} GROUP BY 2, 3 ORDER BY 2, 3`,
  Prisma.sql`DELETE FROM "ProfileActiveDay" WHERE "workspaceId" = ${workspaceId} ${profileScopeSql(profileIds)}`,
  Prisma.sql`
    INSERT INTO "ProfileActiveDay" ("workspaceId", "profileId", "day")
    SELECT DISTINCT ${workspaceId}, "profileId", "occurredAt"::date FROM "Event"
    WHERE "workspaceId" = ${workspaceId} ${profileScopeSql(profileIds)} AND left("name", 1) <> '$' AND "name" NOT IN
      (${tailorSide}) ORDER BY 2, 3`,
  Prisma.sql`DELETE FROM "ProfileActivity" WHERE "workspaceId" = ${workspaceId} ${profileScopeSql(profileIds)}`,
  Prisma.sql`
    INSERT INTO "ProfileActivity" ${ACTIVITY_COLUMNS}
    ${activityRowsSql(
      workspaceId,
      Prisma.sql`SELECT "profileId", "day" FROM "ProfileActiveDay"
        WHERE "workspaceId" = ${workspaceId} ${profileScopeSql(profileIds)}`,
    )}
    ORDER BY 2`,
];

/** A learned trait: its key, the type its values suggest, and up to five example values. */
export type LearnedTrait = { key: string; type: string; examples: unknown[] };

/** Adds learned traits to the TraitCatalog; a known key keeps up to five distinct examples. */
export const learnTraitsSql = (workspaceId: string, traits: readonly LearnedTrait[]) => Prisma.sql`
  INSERT INTO "TraitCatalog" ("workspaceId", "key", "type", "examples", "updatedAt")
  SELECT ${workspaceId}, u.key, u.type, u.examples::jsonb, now()
  FROM unnest(${traits.map((t) => t.key)}::text[], ${traits.map((t) => t.type)}::text[],
              ${traits.map((t) => JSON.stringify(t.examples))}::text[]) AS u(key, type, examples)
  ON CONFLICT ("workspaceId", "key") DO UPDATE SET
    "examples" = (SELECT coalesce(jsonb_agg(e), '[]'::jsonb) FROM (
      SELECT DISTINCT e FROM jsonb_array_elements("TraitCatalog"."examples" || excluded."examples") AS x(e) LIMIT 5) d),
    "updatedAt" = now()`;

/** The record of one merge, with the number of events it moved. */
export const recordMergeSql = (
  workspaceId: string,
  merge: { from: string; into: string; anonymousId: string | null; reason: string },
  eventsMoved: number,
) => Prisma.sql`
  INSERT INTO "ProfileMerge" ("workspaceId", "fromProfileId", "intoProfileId", "anonymousId", "reason", "eventsMoved")
  VALUES (${workspaceId}, ${merge.from}, ${merge.into}, ${merge.anonymousId}, ${merge.reason}, ${eventsMoved})`;
