-- The running counts behind favouriteCategory and activeHour move out of the wide Profile row into
-- narrow rows: a batch adds to a few ProfileCounter rows instead of rewriting two growing jsonb
-- documents in Profile (docs/data.md). The traits themselves stay on Profile (segments read them).

-- CreateTable
CREATE TABLE "ProfileCounter" (
    "workspaceId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ProfileCounter_pkey" PRIMARY KEY ("workspaceId","profileId","kind","key")
);

-- Existing counts move before their columns are dropped: one row per key of each document.
INSERT INTO "ProfileCounter" ("workspaceId", "profileId", "kind", "key", "count")
SELECT p."workspaceId", p."id", 'category', c.key, c.value::int
FROM "Profile" p CROSS JOIN LATERAL jsonb_each(p."categoryViews") AS c(key, value)
WHERE jsonb_typeof(p."categoryViews") = 'object' AND jsonb_typeof(c.value) = 'number' AND c.value::int > 0
UNION ALL
SELECT p."workspaceId", p."id", 'hour', h.key, h.value::int
FROM "Profile" p CROSS JOIN LATERAL jsonb_each(p."hourCounts") AS h(key, value)
WHERE jsonb_typeof(p."hourCounts") = 'object' AND jsonb_typeof(h.value) = 'number' AND h.value::int > 0
ORDER BY 1, 2, 3, 4;

-- AlterTable
ALTER TABLE "Profile" DROP COLUMN "categoryViews",
DROP COLUMN "hourCounts";

-- AddForeignKey
ALTER TABLE "ProfileCounter" ADD CONSTRAINT "ProfileCounter_workspaceId_profileId_fkey" FOREIGN KEY ("workspaceId", "profileId") REFERENCES "Profile"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
