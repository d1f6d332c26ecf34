-- AlterTable
ALTER TABLE "Journey" ADD COLUMN     "draft" JSONB;
