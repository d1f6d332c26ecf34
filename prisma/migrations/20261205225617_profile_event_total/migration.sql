-- CreateTable
CREATE TABLE "ProfileEventTotal" (
    "workspaceId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "firstDay" DATE NOT NULL,
    "lastDay" DATE NOT NULL,

    CONSTRAINT "ProfileEventTotal_pkey" PRIMARY KEY ("workspaceId","profileId","name")
);

-- Backfill from the daily rollup, before the covering index is built (one sort instead of an insert per row).
INSERT INTO "ProfileEventTotal" ("workspaceId", "profileId", "name", "count", "firstDay", "lastDay")
SELECT "workspaceId", "profileId", "name", sum("count")::int, min("day"), max("day")
FROM "ProfileEventDaily" GROUP BY 1, 2, 3;

-- CreateIndex
CREATE INDEX "ProfileEventTotal_workspaceId_name_lastDay_profileId_count__idx" ON "ProfileEventTotal"("workspaceId", "name", "lastDay", "profileId", "count", "firstDay");

-- AddForeignKey
ALTER TABLE "ProfileEventTotal" ADD CONSTRAINT "ProfileEventTotal_workspaceId_profileId_fkey" FOREIGN KEY ("workspaceId", "profileId") REFERENCES "Profile"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
