-- CreateTable
CREATE TABLE "TraitFlag" (
    "workspaceId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "flag" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "flaggedById" TEXT,
    "flaggedBy" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TraitFlag_pkey" PRIMARY KEY ("workspaceId","key")
);

-- CreateTable
CREATE TABLE "Persona" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "narrative" TEXT NOT NULL DEFAULT '',
    "goals" JSONB NOT NULL DEFAULT '[]',
    "painPoints" JSONB NOT NULL DEFAULT '[]',
    "motivations" JSONB NOT NULL DEFAULT '[]',
    "objections" JSONB NOT NULL DEFAULT '[]',
    "jobsToBeDone" JSONB NOT NULL DEFAULT '[]',
    "priorities" JSONB NOT NULL DEFAULT '[]',
    "channels" JSONB NOT NULL DEFAULT '[]',
    "tone" JSONB NOT NULL DEFAULT '{}',
    "assumptions" JSONB NOT NULL DEFAULT '[]',
    "lastCheck" JSONB,
    "avatarImage" BYTEA,
    "avatarType" TEXT,
    "ownerId" TEXT,
    "ownerEmail" TEXT NOT NULL,
    "parentId" TEXT,
    "segmentId" TEXT,
    "validatedAt" TIMESTAMP(3),
    "validationMethod" TEXT,
    "validationSampleSize" INTEGER,
    "validationNotes" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Persona_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateTable
CREATE TABLE "PersonaValidation" (
    "workspaceId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "validatedAt" TIMESTAMP(3) NOT NULL,
    "sampleSize" INTEGER,
    "notes" TEXT NOT NULL DEFAULT '',
    "recordedById" TEXT,
    "recordedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PersonaValidation_pkey" PRIMARY KEY ("workspaceId","id")
);

-- CreateIndex
CREATE INDEX "Persona_workspaceId_updatedAt_idx" ON "Persona"("workspaceId", "updatedAt" DESC);

-- CreateIndex
CREATE INDEX "Persona_workspaceId_parentId_idx" ON "Persona"("workspaceId", "parentId");

-- CreateIndex
CREATE INDEX "Persona_workspaceId_segmentId_idx" ON "Persona"("workspaceId", "segmentId");

-- CreateIndex
CREATE INDEX "PersonaValidation_workspaceId_personaId_validatedAt_idx" ON "PersonaValidation"("workspaceId", "personaId", "validatedAt" DESC);

-- AddForeignKey
ALTER TABLE "Persona" ADD CONSTRAINT "Persona_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Persona" ADD CONSTRAINT "Persona_workspaceId_segmentId_fkey" FOREIGN KEY ("workspaceId", "segmentId") REFERENCES "Segment"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Persona" ADD CONSTRAINT "Persona_workspaceId_parentId_fkey" FOREIGN KEY ("workspaceId", "parentId") REFERENCES "Persona"("workspaceId", "id") ON DELETE NO ACTION ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersonaValidation" ADD CONSTRAINT "PersonaValidation_workspaceId_personaId_fkey" FOREIGN KEY ("workspaceId", "personaId") REFERENCES "Persona"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
