import { Prisma } from "@/lib/generated/prisma/client";

// The demo journeys' reads of the population (lib/demo/seed-demo-journeys.ts).

export type SampleProfileRow = {
  id: string;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  traits: unknown;
  consent: unknown;
};

/** The first `limit` profiles by external id: the same ones for the same seed, whatever the size. */
export const sampleProfilesSql = (workspaceId: string, limit: number) => Prisma.sql`
  SELECT p."id", p."email", p."phone", p."externalId", p."traits", p."consent" FROM "Profile" p
  WHERE p."workspaceId" = ${workspaceId}
  ORDER BY p."externalId", p."id"
  LIMIT ${limit}`;

export type SampleEventRow = { profileId: string; name: string; at: Date };

/**
 * The sample's events the journeys react to since `since`, per profile oldest first: read through the
 * (workspaceId, profileId, occurredAt, name) index, so the work is the sample's, not the population's.
 */
export const sampleEventsSql = (
  workspaceId: string,
  profileIds: readonly string[],
  names: readonly string[],
  since: Date,
) =>
  Prisma.sql`
  SELECT e."profileId", e."name", e."occurredAt" AS "at" FROM "Event" e
  WHERE e."workspaceId" = ${workspaceId} AND e."profileId" = ANY (${[...profileIds]}::text[])
    AND e."occurredAt" >= ${since}::timestamp AND e."name" = ANY (${[...names]}::text[])
  ORDER BY e."profileId", e."occurredAt", e."name", e."id"`;

/** Which of these profiles an audience statement (column "id") holds. */
export const membersAmongSql = (audience: Prisma.Sql, profileIds: readonly string[]) => Prisma.sql`
  SELECT a."id" FROM (${audience}) a WHERE a."id" = ANY (${[...profileIds]}::text[])`;

type Row = Record<string, unknown>;
const column = (rows: readonly Row[], key: string) => rows.map((r) => r[key] ?? null);

/**
 * Bulk inserts through unnest, one statement per chunk: Prisma's createMany wrote the history at about
 * 1k rows/s, this several times faster (the population loader's method, lib/demo/population/sql.ts).
 */
export const insertEntriesSql = (workspaceId: string, journeyId: string, versionId: string, rows: readonly Row[]) =>
  Prisma.sql`
  INSERT INTO "JourneyEntry" ("workspaceId", "journeyId", "versionId", "id", "profileId", "occurrence", "enteredAt",
    "context", "nodeId", "state", "dueAt", "waitingFor", "exitedAt", "exitReason", "convertedAt")
  SELECT ${workspaceId}, ${journeyId}, ${versionId}, * FROM unnest(
    ${column(rows, "id")}::text[], ${column(rows, "profileId")}::text[], ${column(rows, "occurrence")}::int[],
    ${column(rows, "enteredAt")}::timestamp[], ${rows.map((r) => JSON.stringify(r.context))}::jsonb[],
    ${column(rows, "nodeId")}::text[], ${column(rows, "state")}::text[], ${column(rows, "dueAt")}::timestamp[],
    ${column(rows, "waitingFor")}::text[], ${column(rows, "exitedAt")}::timestamp[],
    ${column(rows, "exitReason")}::text[], ${column(rows, "convertedAt")}::timestamp[])`;

export const insertStepsSql = (workspaceId: string, rows: readonly Row[]) => Prisma.sql`
  INSERT INTO "JourneyStep" ("workspaceId", "entryId", "nodeId", "kind", "exit", "outcome", "skipReason", "messageId", "at")
  SELECT ${workspaceId}, * FROM unnest(
    ${column(rows, "entryId")}::text[], ${column(rows, "nodeId")}::text[], ${column(rows, "kind")}::text[],
    ${column(rows, "exit")}::text[], ${column(rows, "outcome")}::text[], ${column(rows, "skipReason")}::text[],
    ${column(rows, "messageId")}::text[], ${column(rows, "at")}::timestamp[])`;

export const insertMessagesSql = (workspaceId: string, rows: readonly Row[]) => Prisma.sql`
  INSERT INTO "Message" ("workspaceId", "id", "campaignId", "profileId", "occurrence", "channel", "status", "sendAfter",
    "createdAt", "sentAt", "deliveredAt", "openedAt", "clickedAt", "convertedAt")
  SELECT ${workspaceId}, * FROM unnest(
    ${column(rows, "id")}::text[], ${column(rows, "campaignId")}::text[], ${column(rows, "profileId")}::text[],
    ${column(rows, "occurrence")}::text[], ${column(rows, "channel")}::text[], ${column(rows, "status")}::text[],
    ${column(rows, "sendAfter")}::timestamp[], ${column(rows, "createdAt")}::timestamp[],
    ${column(rows, "sentAt")}::timestamp[], ${column(rows, "deliveredAt")}::timestamp[],
    ${column(rows, "openedAt")}::timestamp[], ${column(rows, "clickedAt")}::timestamp[],
    ${column(rows, "convertedAt")}::timestamp[])`;
