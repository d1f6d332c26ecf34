-- Covering indexes for raw-event reads (funnels, segment conditions): each key gains the column
-- those reads need besides the key, so they become index-only scans. Created before the old ones
-- are dropped, so reads keep an index throughout.
CREATE INDEX "Event_workspaceId_name_occurredAt_profileId_idx" ON "Event"("workspaceId", "name", "occurredAt", "profileId");
CREATE INDEX "Event_workspaceId_profileId_occurredAt_name_idx" ON "Event"("workspaceId", "profileId", "occurredAt", "name");
DROP INDEX "Event_workspaceId_name_occurredAt_idx";
DROP INDEX "Event_workspaceId_profileId_occurredAt_idx";
