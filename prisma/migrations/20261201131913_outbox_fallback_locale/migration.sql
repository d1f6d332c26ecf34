-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "fallbackFrom" TEXT;
