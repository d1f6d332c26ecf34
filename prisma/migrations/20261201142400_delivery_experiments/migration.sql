/*
  Warnings:

  - A unique constraint covering the columns `[workspaceId,messageId]` on the table `OutboxMessage` will be added. If there are existing duplicate values, this will fail.

*/
-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'server';

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "campaignId" TEXT,
ADD COLUMN     "messageId" TEXT;

-- AlterTable
ALTER TABLE "Profile" ADD COLUMN     "subscriptions" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "Campaign" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "channel" TEXT NOT NULL,
    "audience" JSONB NOT NULL,
    "templateId" TEXT,
    "versionId" TEXT,
    "experimentId" TEXT,
    "schedule" JSONB NOT NULL,
    "transactional" BOOLEAN NOT NULL DEFAULT false,
    "topic" TEXT,
    "goalEvent" TEXT NOT NULL DEFAULT 'purchase',
    "attributionHours" INTEGER NOT NULL DEFAULT 72,
    "nextRunAt" TIMESTAMP(3),
    "occurrences" INTEGER NOT NULL DEFAULT 0,
    "ownerId" TEXT,
    "ownerEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "launchedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Message" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "occurrence" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "variantId" TEXT,
    "personaId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "skipReason" TEXT,
    "skipDetail" TEXT,
    "sendAfter" TIMESTAMP(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "provider" TEXT,
    "providerId" TEXT,
    "locale" TEXT,
    "context" JSONB,
    "rendered" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "deliveredAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "clickedAt" TIMESTAMP(3),
    "convertedAt" TIMESTAMP(3),

    CONSTRAINT "Message_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "MessageDaily" (
    "workspaceId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "campaignId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL DEFAULT '',
    "channel" TEXT NOT NULL,
    "personaId" TEXT NOT NULL DEFAULT '',
    "sent" INTEGER NOT NULL DEFAULT 0,
    "delivered" INTEGER NOT NULL DEFAULT 0,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "clicked" INTEGER NOT NULL DEFAULT 0,
    "converted" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "unsubscribed" INTEGER NOT NULL DEFAULT 0,
    "revenue" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "MessageDaily_pkey" PRIMARY KEY ("workspaceId","day","campaignId","variantId","channel","personaId")
);

-- CreateTable
CREATE TABLE "Policy" (
    "workspaceId" TEXT NOT NULL,
    "caps" JSONB NOT NULL DEFAULT '[]',
    "quietHours" JSONB NOT NULL DEFAULT '{}',
    "defaultTimezone" TEXT NOT NULL DEFAULT 'UTC',
    "topics" JSONB NOT NULL DEFAULT '[]',
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "ChannelProvider" (
    "workspaceId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "config" JSONB NOT NULL DEFAULT '{}',
    "secrets" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChannelProvider_pkey" PRIMARY KEY ("workspaceId","channel")
);

-- CreateTable
CREATE TABLE "InAppMessage" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "layout" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "seenAt" TIMESTAMP(3),
    "clickedAt" TIMESTAMP(3),
    "dismissedAt" TIMESTAMP(3),

    CONSTRAINT "InAppMessage_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Experiment" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "hypothesis" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "salt" TEXT NOT NULL,
    "holdoutShare" DOUBLE PRECISION NOT NULL DEFAULT 0.1,
    "primaryMetric" JSONB NOT NULL,
    "secondaryMetrics" JSONB NOT NULL DEFAULT '[]',
    "guardrails" JSONB NOT NULL DEFAULT '[]',
    "stats" JSONB NOT NULL,
    "plannedSampleSize" INTEGER,
    "decision" TEXT,
    "decisionNote" TEXT,
    "shippedVariantKey" TEXT,
    "concludedById" TEXT,
    "concludedByEmail" TEXT,
    "concludedAt" TIMESTAMP(3),
    "ownerId" TEXT,
    "ownerEmail" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),

    CONSTRAINT "Experiment_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Variant" (
    "workspaceId" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "position" INTEGER NOT NULL,
    "versionId" TEXT,
    "sendOption" JSONB,

    CONSTRAINT "Variant_pkey" PRIMARY KEY ("workspaceId","experimentId","key")
);

-- CreateTable
CREATE TABLE "Exposure" (
    "workspaceId" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "variantKey" TEXT NOT NULL,
    "exposedAt" TIMESTAMP(3) NOT NULL,
    "multiple" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Exposure_pkey" PRIMARY KEY ("workspaceId","experimentId","profileId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_experimentId_key" ON "Campaign"("experimentId");

-- CreateIndex
CREATE INDEX "Campaign_workspaceId_updatedAt_idx" ON "Campaign"("workspaceId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Campaign_status_nextRunAt_idx" ON "Campaign"("status", "nextRunAt");

-- CreateIndex
CREATE INDEX "Message_status_sendAfter_idx" ON "Message"("status", "sendAfter");

-- CreateIndex
CREATE INDEX "Message_workspaceId_campaignId_status_idx" ON "Message"("workspaceId", "campaignId", "status");

-- CreateIndex
CREATE INDEX "Message_workspaceId_profileId_sentAt_idx" ON "Message"("workspaceId", "profileId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "Message_workspaceId_campaignId_profileId_occurrence_key" ON "Message"("workspaceId", "campaignId", "profileId", "occurrence");

-- CreateIndex
CREATE INDEX "MessageDaily_workspaceId_campaignId_day_idx" ON "MessageDaily"("workspaceId", "campaignId", "day");

-- CreateIndex
CREATE INDEX "InAppMessage_workspaceId_profileId_createdAt_idx" ON "InAppMessage"("workspaceId", "profileId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "InAppMessage_workspaceId_messageId_key" ON "InAppMessage"("workspaceId", "messageId");

-- CreateIndex
CREATE INDEX "Experiment_workspaceId_updatedAt_idx" ON "Experiment"("workspaceId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Exposure_workspaceId_experimentId_variantKey_idx" ON "Exposure"("workspaceId", "experimentId", "variantKey");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_workspaceId_messageId_key" ON "OutboxMessage"("workspaceId", "messageId");

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_workspaceId_campaignId_fkey" FOREIGN KEY ("workspaceId", "campaignId") REFERENCES "Campaign"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Policy" ADD CONSTRAINT "Policy_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChannelProvider" ADD CONSTRAINT "ChannelProvider_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Experiment" ADD CONSTRAINT "Experiment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Variant" ADD CONSTRAINT "Variant_workspaceId_experimentId_fkey" FOREIGN KEY ("workspaceId", "experimentId") REFERENCES "Experiment"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Exposure" ADD CONSTRAINT "Exposure_workspaceId_experimentId_fkey" FOREIGN KEY ("workspaceId", "experimentId") REFERENCES "Experiment"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
