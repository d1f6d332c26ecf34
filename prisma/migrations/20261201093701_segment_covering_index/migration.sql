-- Covering index for segment event conditions (docs/segments.md): index-only scans of (profileId, count)
-- for one event name and day range. Also serves the event catalog's loose index scan over names.
-- DropIndex
DROP INDEX "ProfileEventDaily_workspaceId_name_day_idx";

-- CreateIndex
CREATE INDEX "ProfileEventDaily_workspaceId_name_day_profileId_count_idx" ON "ProfileEventDaily"("workspaceId", "name", "day", "profileId", "count");
