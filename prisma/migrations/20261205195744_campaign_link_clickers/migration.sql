-- CreateTable
CREATE TABLE "CampaignLinkClicker" (
    "workspaceId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL,
    "firstClickAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignLinkClicker_pkey" PRIMARY KEY ("workspaceId","campaignId","url","profileId")
);
