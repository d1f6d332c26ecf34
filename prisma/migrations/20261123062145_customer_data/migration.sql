-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Profile" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "externalId" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "locale" TEXT,
    "timezone" TEXT,
    "country" TEXT,
    "city" TEXT,
    "platform" TEXT,
    "traits" JSONB NOT NULL DEFAULT '{}',
    "consent" JSONB NOT NULL DEFAULT '{}',
    "ordersCount" INTEGER NOT NULL DEFAULT 0,
    "ltv" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "aov" DECIMAL(14,2),
    "lastPurchaseAt" TIMESTAMP(3),
    "firstSeenAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3),
    "favouriteCategory" TEXT,
    "activeHour" INTEGER,
    "categoryViews" JSONB NOT NULL DEFAULT '{}',
    "hourCounts" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Profile_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "ProfileAlias" (
    "workspaceId" TEXT NOT NULL,
    "anonymousId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProfileAlias_pkey" PRIMARY KEY ("workspaceId","anonymousId")
);

-- CreateTable
CREATE TABLE "ProfileMerge" (
    "workspaceId" TEXT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "fromProfileId" TEXT NOT NULL,
    "intoProfileId" TEXT NOT NULL,
    "anonymousId" TEXT,
    "reason" TEXT NOT NULL,
    "eventsMoved" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProfileMerge_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "Event" (
    "workspaceId" TEXT NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "profileId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "messageId" TEXT NOT NULL,
    "properties" JSONB NOT NULL DEFAULT '{}',
    "campaignId" TEXT,
    "variantId" TEXT,
    "channel" TEXT,
    "revenue" DECIMAL(14,2),

    CONSTRAINT "Event_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "ProfileEventDaily" (
    "workspaceId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "ProfileEventDaily_pkey" PRIMARY KEY ("workspaceId","profileId","name","day")
);

-- CreateTable
CREATE TABLE "ProfileActiveDay" (
    "workspaceId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "day" DATE NOT NULL,

    CONSTRAINT "ProfileActiveDay_pkey" PRIMARY KEY ("workspaceId","profileId","day")
);

-- CreateTable
CREATE TABLE "TraitCatalog" (
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "examples" JSONB NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TraitCatalog_pkey" PRIMARY KEY ("workspaceId","key")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_workspaceId_createdAt_idx" ON "ApiKey"("workspaceId", "createdAt");

-- CreateIndex
CREATE INDEX "Profile_workspaceId_email_idx" ON "Profile"("workspaceId", "email");

-- CreateIndex
CREATE INDEX "Profile_workspaceId_lastSeenAt_idx" ON "Profile"("workspaceId", "lastSeenAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Profile_workspaceId_externalId_key" ON "Profile"("workspaceId", "externalId");

-- CreateIndex
CREATE INDEX "ProfileAlias_workspaceId_profileId_idx" ON "ProfileAlias"("workspaceId", "profileId");

-- CreateIndex
CREATE INDEX "ProfileMerge_workspaceId_intoProfileId_idx" ON "ProfileMerge"("workspaceId", "intoProfileId");

-- CreateIndex
CREATE INDEX "Event_workspaceId_name_occurredAt_idx" ON "Event"("workspaceId", "name", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_workspaceId_profileId_occurredAt_idx" ON "Event"("workspaceId", "profileId", "occurredAt");

-- CreateIndex
CREATE INDEX "Event_occurredAt_idx" ON "Event" USING BRIN ("occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "Event_workspaceId_messageId_key" ON "Event"("workspaceId", "messageId");

-- CreateIndex
CREATE INDEX "ProfileEventDaily_workspaceId_name_day_idx" ON "ProfileEventDaily"("workspaceId", "name", "day");

-- CreateIndex
CREATE INDEX "ProfileActiveDay_workspaceId_day_idx" ON "ProfileActiveDay"("workspaceId", "day");

-- AddForeignKey
ALTER TABLE "ApiKey" ADD CONSTRAINT "ApiKey_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Profile" ADD CONSTRAINT "Profile_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProfileAlias" ADD CONSTRAINT "ProfileAlias_workspaceId_profileId_fkey" FOREIGN KEY ("workspaceId", "profileId") REFERENCES "Profile"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_workspaceId_profileId_fkey" FOREIGN KEY ("workspaceId", "profileId") REFERENCES "Profile"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
