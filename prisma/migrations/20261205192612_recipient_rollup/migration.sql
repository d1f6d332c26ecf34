-- AlterTable
ALTER TABLE "MessageDaily" ADD COLUMN     "converters" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "recipients" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "uniqueClickers" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "uniqueOpens" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CampaignRecipient" (
    "workspaceId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL DEFAULT '',
    "channel" TEXT NOT NULL,
    "personaId" TEXT NOT NULL DEFAULT '',
    "deliveredAt" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "clickedAt" TIMESTAMP(3),
    "convertedAt" TIMESTAMP(3),
    "previous" TIMESTAMP(3)[],

    CONSTRAINT "CampaignRecipient_pkey" PRIMARY KEY ("workspaceId","campaignId","profileId")
);
