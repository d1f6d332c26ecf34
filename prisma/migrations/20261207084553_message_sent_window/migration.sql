-- CreateIndex
CREATE INDEX "Message_workspaceId_sentAt_profileId_channel_status_idx" ON "Message"("workspaceId", "sentAt", "profileId", "channel", "status");
