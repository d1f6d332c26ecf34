-- AlterTable
ALTER TABLE "Persona" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "archivedBy" TEXT,
ADD COLUMN     "archivedById" TEXT;

-- AlterTable
ALTER TABLE "Segment" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "archivedBy" TEXT,
ADD COLUMN     "archivedById" TEXT;

-- AlterTable
ALTER TABLE "Template" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "archivedBy" TEXT,
ADD COLUMN     "archivedById" TEXT;
