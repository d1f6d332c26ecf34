import { ident } from "@/lib/db/identifier";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Uploaded values → profile ids through the (workspaceId, email) / (workspaceId, externalId)
 * indexes. Ingestion stores e-mails lower-cased; when two profiles share one, the last seen wins.
 */
export const matchStaticValuesSql = (workspaceId: string, by: "email" | "externalId", values: string[]) => Prisma.sql`
  SELECT DISTINCT ON (p.${ident(by)}) p.${ident(by)} AS "value", p."id" AS "profileId"
  FROM "Profile" p
  WHERE p."workspaceId" = ${workspaceId} AND p.${ident(by)} = ANY(${values}::text[])
  ORDER BY p.${ident(by)}, p."lastSeenAt" DESC NULLS LAST`;

export const insertStaticMembersSql = (workspaceId: string, segmentId: string, profileIds: string[]) => Prisma.sql`
  INSERT INTO "StaticSegmentMember" ("workspaceId", "segmentId", "profileId")
  SELECT ${workspaceId}, ${segmentId}, u.id FROM unnest(${profileIds}::text[]) AS u(id)
  ON CONFLICT DO NOTHING`;
