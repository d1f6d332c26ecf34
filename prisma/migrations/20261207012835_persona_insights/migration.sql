-- CreateTable
CREATE TABLE "PersonaInsight" (
    "workspaceId" TEXT NOT NULL,
    "personaId" TEXT NOT NULL,
    "basis" TEXT,
    "data" JSONB,
    "asOf" TIMESTAMP(3),
    "durationMs" INTEGER,
    "computingSince" TIMESTAMP(3),
    "error" TEXT,

    CONSTRAINT "PersonaInsight_pkey" PRIMARY KEY ("workspaceId","personaId")
);

-- AddForeignKey
ALTER TABLE "PersonaInsight" ADD CONSTRAINT "PersonaInsight_workspaceId_personaId_fkey" FOREIGN KEY ("workspaceId", "personaId") REFERENCES "Persona"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;
