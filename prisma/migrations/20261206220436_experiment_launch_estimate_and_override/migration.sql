-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "launchEstimate" JSONB,
ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "ruleDecision" TEXT;
