-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "journeyId" TEXT;

-- CreateTable
CREATE TABLE "Journey" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "currentVersionId" TEXT,
    "createdById" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Journey_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "JourneyVersion" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "sendCampaigns" JSONB NOT NULL DEFAULT '{}',
    "publishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" TEXT,
    "publishedBy" TEXT NOT NULL,

    CONSTRAINT "JourneyVersion_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "JourneyEntry" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "journeyId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "occurrence" INTEGER NOT NULL,
    "enteredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "context" JSONB,
    "nodeId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'active',
    "dueAt" TIMESTAMP(3),
    "waitingFor" TEXT,
    "eventAt" TIMESTAMP(3),
    "leaseUntil" TIMESTAMP(3),
    "lockedBy" TEXT,
    "exitedAt" TIMESTAMP(3),
    "exitReason" TEXT,
    "convertedAt" TIMESTAMP(3),

    CONSTRAINT "JourneyEntry_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "JourneyStep" (
    "workspaceId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "exit" TEXT,
    "outcome" TEXT NOT NULL,
    "skipReason" TEXT,
    "messageId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JourneyStep_pkey" PRIMARY KEY ("workspaceId","entryId","nodeId")
);

-- CreateIndex
CREATE INDEX "Journey_workspaceId_status_idx" ON "Journey"("workspaceId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyVersion_workspaceId_journeyId_version_key" ON "JourneyVersion"("workspaceId", "journeyId", "version");

-- CreateIndex
CREATE INDEX "JourneyEntry_workspaceId_journeyId_dueAt_idx" ON "JourneyEntry"("workspaceId", "journeyId", "dueAt");

-- CreateIndex
CREATE INDEX "JourneyEntry_workspaceId_profileId_state_idx" ON "JourneyEntry"("workspaceId", "profileId", "state");

-- CreateIndex
CREATE UNIQUE INDEX "JourneyEntry_workspaceId_journeyId_profileId_occurrence_key" ON "JourneyEntry"("workspaceId", "journeyId", "profileId", "occurrence");

-- AddForeignKey
ALTER TABLE "Journey" ADD CONSTRAINT "Journey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyVersion" ADD CONSTRAINT "JourneyVersion_workspaceId_journeyId_fkey" FOREIGN KEY ("workspaceId", "journeyId") REFERENCES "Journey"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyEntry" ADD CONSTRAINT "JourneyEntry_workspaceId_journeyId_fkey" FOREIGN KEY ("workspaceId", "journeyId") REFERENCES "Journey"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JourneyStep" ADD CONSTRAINT "JourneyStep_workspaceId_entryId_fkey" FOREIGN KEY ("workspaceId", "entryId") REFERENCES "JourneyEntry"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
