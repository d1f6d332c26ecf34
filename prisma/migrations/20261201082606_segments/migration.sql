-- CreateTable
CREATE TABLE "Segment" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL DEFAULT 'dynamic',
    "definition" JSONB,
    "ownerId" TEXT,
    "ownerEmail" TEXT NOT NULL,
    "size" INTEGER,
    "sizedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SegmentSnapshot" (
    "workspaceId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "size" INTEGER NOT NULL,

    CONSTRAINT "SegmentSnapshot_pkey" PRIMARY KEY ("workspaceId","segmentId","at")
);

-- CreateTable
CREATE TABLE "StaticSegmentMember" (
    "workspaceId" TEXT NOT NULL,
    "segmentId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,

    CONSTRAINT "StaticSegmentMember_pkey" PRIMARY KEY ("workspaceId","segmentId","profileId")
);

-- CreateIndex
CREATE INDEX "Segment_workspaceId_updatedAt_idx" ON "Segment"("workspaceId", "updatedAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "Segment_workspaceId_id_key" ON "Segment"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "StaticSegmentMember_workspaceId_profileId_idx" ON "StaticSegmentMember"("workspaceId", "profileId");

-- AddForeignKey
ALTER TABLE "Segment" ADD CONSTRAINT "Segment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SegmentSnapshot" ADD CONSTRAINT "SegmentSnapshot_workspaceId_segmentId_fkey" FOREIGN KEY ("workspaceId", "segmentId") REFERENCES "Segment"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaticSegmentMember" ADD CONSTRAINT "StaticSegmentMember_workspaceId_segmentId_fkey" FOREIGN KEY ("workspaceId", "segmentId") REFERENCES "Segment"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaticSegmentMember" ADD CONSTRAINT "StaticSegmentMember_workspaceId_profileId_fkey" FOREIGN KEY ("workspaceId", "profileId") REFERENCES "Profile"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Segment conditions on date traits read ISO strings out of JSON: the value as a UTC timestamp (like
-- every timestamp column here); a string without an offset is UTC; a malformed one counts as missing
-- instead of failing the whole audience query. Hand-written: Prisma's schema does not describe functions.
CREATE FUNCTION tailor_try_timestamp(value text) RETURNS timestamp
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE SET timezone TO 'UTC' AS $$
BEGIN
  IF value IS NULL OR value !~ '^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$' THEN
    RETURN NULL;
  END IF;
  RETURN value::timestamptz AT TIME ZONE 'UTC';
EXCEPTION WHEN others THEN
  RETURN NULL;
END;
$$;
