import { ident, identList } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";
import { copyLine } from "@/lib/db/copy-line";
import { countersOf, type ComputedTraits } from "./computed-traits";
import type { DemoEvent, DemoProfile } from "./generate-population";

/** A generated profile with the computed traits of its events. */
export type DemoProfileRow = DemoProfile & { computed: ComputedTraits };
const TRAIT_COLUMNS = identList([
  "ordersCount",
  "ltv",
  "aov",
  "lastPurchaseAt",
  "firstSeenAt",
  "lastSeenAt",
  "favouriteCategory",
  "activeHour",
]);
const iso = (d: Date | null) => d?.toISOString() ?? null;

// Bulk inserts through unnest: one statement per chunk, 5–7× faster than createMany (docs/design-brief.md).

export const insertDemoProfilesSql = (workspaceId: string, rows: DemoProfileRow[]) => {
  const c = <K extends keyof ComputedTraits>(k: K) => rows.map((r) => r.computed[k]);
  return Prisma.sql`
  INSERT INTO "Profile" ("workspaceId", "id", "externalId", "email", "phone", "country", "city", "locale", "timezone",
    "platform", "traits", "consent", "updatedAt", ${TRAIT_COLUMNS})
  SELECT ${workspaceId}, u.id, u.external_id, u.email, u.phone, u.country, u.city, u.locale, u.timezone, u.platform,
    u.traits::jsonb, u.consent::jsonb, now(),
    u.orders, u.ltv::numeric, u.aov::numeric, u.last_purchase::timestamp, u.first_seen::timestamp,
      u.last_seen::timestamp, u.favourite, u.active_hour
  FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.externalId)}::text[],
    ${rows.map((r) => r.email)}::text[], ${rows.map((r) => r.phone)}::text[],
              ${rows.map((r) => r.country)}::text[], ${rows.map((r) => r.city)}::text[],
                ${rows.map((r) => r.locale)}::text[],
              ${rows.map((r) => r.timezone)}::text[], ${rows.map((r) => r.platform)}::text[],
              ${rows.map((r) => JSON.stringify(r.traits))}::text[],
                ${rows.map((r) => JSON.stringify(r.consent))}::text[],
              ${c("ordersCount")}::int[], ${c("ltv")}::text[], ${c("aov")}::text[],
                ${c("lastPurchaseAt").map(iso)}::text[], ${c("firstSeenAt").map(iso)}::text[],
              ${c("lastSeenAt").map(iso)}::text[], ${c("favouriteCategory")}::text[], ${c("activeHour")}::int[])
    AS u(id, external_id, email, phone, country, city, locale, timezone, platform, traits, consent, orders, ltv, aov,
      last_purchase, first_seen, last_seen, favourite, active_hour)`;
};

/** The profiles' running counts (ProfileCounter), written after the profiles they belong to. */
export const insertDemoCountersSql = (workspaceId: string, rows: DemoProfileRow[]) => {
  const counters = rows.flatMap((r) => countersOf(r.id, r.computed));
  return Prisma.sql`
  INSERT INTO "ProfileCounter" ("workspaceId", "profileId", "kind", "key", "count")
  SELECT ${workspaceId}, u.profile_id, u.kind, u.key, u.count
  FROM unnest(${counters.map((r) => r.profileId)}::text[], ${counters.map((r) => r.kind)}::text[],
    ${counters.map((r) => r.key)}::text[], ${counters.map((r) => r.count)}::int[]) AS u(profile_id, kind, key, count)`;
};

export const insertDemoEventsSql = (workspaceId: string, rows: DemoEvent[]) => Prisma.sql`
  INSERT INTO "Event" ("workspaceId", "profileId", "name", "occurredAt", "messageId", "properties", "campaignId",
    "variantId", "channel", "revenue")
  SELECT ${workspaceId}, u.profile_id, u.name, u.occurred_at::timestamp, u.message_id, u.properties::jsonb,
    u.campaign_id, u.variant_id, u.channel, u.revenue::numeric
  FROM unnest(${rows.map((r) => r.profileId)}::text[], ${rows.map((r) => r.name)}::text[],
    ${rows.map((r) => r.occurredAt.toISOString())}::text[],
              ${rows.map((r) => r.messageId)}::text[], ${rows.map((r) => JSON.stringify(r.properties))}::text[],
                ${rows.map((r) => r.campaignId)}::text[],
              ${rows.map((r) => r.variantId)}::text[], ${rows.map((r) => r.channel)}::text[],
                ${rows.map((r) => (r.revenue === null ? null : r.revenue.toFixed(2)))}::text[])
    AS u(profile_id, name, occurred_at, message_id, properties, campaign_id, variant_id, channel, revenue)
  ON CONFLICT ("workspaceId", "messageId") DO NOTHING`;

// COPY (server mode): the same columns as the inserts above, one text-format line per row. The
// seed only loads into a workspace without profiles, so nothing can conflict.

export const COPY_DEMO_PROFILES = `COPY "Profile" ("workspaceId", "id", "externalId", "email", "phone", "country",
  "city", "locale", "timezone", "platform", "traits", "consent", "updatedAt", ${TRAIT_COLUMNS.text}) FROM STDIN`;

export const demoProfileLine = (workspaceId: string, r: DemoProfileRow, updatedAt: string) => {
  const t = r.computed;
  return copyLine([
    workspaceId,
    r.id,
    r.externalId,
    r.email,
    r.phone,
    r.country,
    r.city,
    r.locale,
    r.timezone,
    r.platform,
    JSON.stringify(r.traits),
    JSON.stringify(r.consent),
    updatedAt,
    String(t.ordersCount),
    t.ltv,
    t.aov,
    iso(t.lastPurchaseAt),
    iso(t.firstSeenAt),
    iso(t.lastSeenAt),
    t.favouriteCategory,
    t.activeHour === null ? null : String(t.activeHour),
  ]);
};

export const COPY_DEMO_COUNTERS = `COPY "ProfileCounter" ("workspaceId", "profileId", "kind", "key", "count")
  FROM STDIN`;

/** A profile's running counts as COPY lines, one per counter. */
export const demoCounterLines = (workspaceId: string, r: DemoProfileRow) =>
  countersOf(r.id, r.computed).map((c) => copyLine([workspaceId, c.profileId, c.kind, c.key, String(c.count)]));

export const COPY_DEMO_EVENTS =
  `COPY "Event" ("workspaceId", "profileId", "name", "occurredAt", "messageId", "properties", ` +
  `"campaignId", "variantId", "channel", "revenue") FROM STDIN`;

export const demoEventLine = (workspaceId: string, r: DemoEvent) =>
  copyLine([
    workspaceId,
    r.profileId,
    r.name,
    r.occurredAt.toISOString(),
    r.messageId,
    JSON.stringify(r.properties),
    r.campaignId,
    r.variantId,
    r.channel,
    r.revenue === null ? null : r.revenue.toFixed(2),
  ]);

// --- Maintenance while deriving (derive-population.ts) ------------------------------------------

// VACUUM, ANALYZE and DROP INDEX take no parameters (and VACUUM runs outside a transaction), so they
// are plain statements for $executeRawUnsafe; the names in them go through ident() all the same.
export const analyzeStatement = (table: string) => `ANALYZE ${ident(table).text}`;
export const vacuumAnalyzeStatement = (table: string) => `VACUUM (ANALYZE) ${ident(table).text}`;
export const dropIndexStatement = (name: string) => `DROP INDEX ${ident(name).text}`;

/** How far a VACUUM of `table` has got: heap blocks done and in all. */
export const vacuumProgressSql = (table: string) => Prisma.sql`
  SELECT heap_blks_scanned AS done, heap_blks_total AS total
  FROM pg_stat_progress_vacuum WHERE relid = ${table}::regclass`;

/** How far an index build on `table` has got: tuples (or blocks) done and in all. */
export const indexProgressSql = (table: string) => Prisma.sql`
  SELECT coalesce(nullif(tuples_done, 0), blocks_done) AS done, coalesce(nullif(tuples_total, 0), blocks_total) AS total
  FROM pg_stat_progress_create_index WHERE relid = ${table}::regclass`;

/** The secondary indexes (all but primary keys) of `tables`, with the statements that build them. */
export const secondaryIndexesSql = (tables: readonly string[]) => Prisma.sql`
  SELECT indexname AS name, tablename AS "table", indexdef AS definition FROM pg_indexes
  WHERE schemaname = current_schema() AND tablename = ANY(${tables}::text[]) AND indexname NOT LIKE '%\\_pkey'`;
