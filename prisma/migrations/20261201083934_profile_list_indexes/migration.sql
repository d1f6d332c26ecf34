-- Profile explorer indexes (docs/data.md "Hot queries"). Partly hand-written: Prisma's schema cannot
-- say NULLS LAST nor index an expression with an operator class.

-- The list sorts by last seen DESC NULLS LAST, then id, so never-seen profiles come last. A plain
-- DESC index puts nulls first, so PostgreSQL read every profile and sorted; this one is read in
-- order and the page stops after LIMIT rows. (schema.prisma declares it as lastSeenAt(sort: Desc), id.)
DROP INDEX "Profile_workspaceId_lastSeenAt_idx";
CREATE INDEX "Profile_workspaceId_lastSeenAt_id_idx" ON "Profile"("workspaceId", "lastSeenAt" DESC NULLS LAST, "id");

-- E-mail prefix search: lower("email") LIKE 'prefix%' can range-scan a text_pattern_ops index in any
-- collation (ILIKE cannot use a btree at all). Expression indexes are invisible to Prisma's schema
-- engine, so migrations and db:check leave it alone.
CREATE INDEX "Profile_workspaceId_email_lower_idx" ON "Profile"("workspaceId", lower("email") text_pattern_ops);
