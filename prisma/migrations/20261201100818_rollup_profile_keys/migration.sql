-- Rollup rows name real profiles (cascading with them), so segment audiences may start from a rollup
-- aggregate instead of scanning "Profile" (lib/segments/sql.ts).
-- AddForeignKey
ALTER TABLE "ProfileEventDaily" ADD CONSTRAINT "ProfileEventDaily_workspaceId_profileId_fkey" FOREIGN KEY ("workspaceId", "profileId") REFERENCES "Profile"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileActiveDay" ADD CONSTRAINT "ProfileActiveDay_workspaceId_profileId_fkey" FOREIGN KEY ("workspaceId", "profileId") REFERENCES "Profile"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
