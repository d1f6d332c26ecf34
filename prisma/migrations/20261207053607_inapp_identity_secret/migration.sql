-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "inAppIdentitySecret" TEXT;
