-- AlterTable
ALTER TABLE "Template" ADD COLUMN     "triggerEvent" TEXT;
