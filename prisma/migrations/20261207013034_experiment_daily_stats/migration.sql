-- AlterTable
ALTER TABLE "Experiment" ADD COLUMN     "readoutBuiltAt" TIMESTAMP(3),
ADD COLUMN     "readoutEvents" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "ExperimentDailyStat" (
    "workspaceId" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "variantKey" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "measure" TEXT NOT NULL,
    "sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "sumSquares" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "ExperimentDailyStat_pkey" PRIMARY KEY ("workspaceId","experimentId","variantKey","day","measure")
);

-- CreateTable
CREATE TABLE "ExperimentUnitValue" (
    "workspaceId" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "variantKey" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "ExperimentUnitValue_pkey" PRIMARY KEY ("workspaceId","experimentId","profileId","measure")
);

-- CreateTable
CREATE TABLE "ExperimentDirtyUnit" (
    "workspaceId" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExperimentDirtyUnit_pkey" PRIMARY KEY ("workspaceId","experimentId","profileId")
);

-- CreateIndex
CREATE INDEX "Exposure_workspaceId_profileId_idx" ON "Exposure"("workspaceId", "profileId");

-- AddForeignKey
ALTER TABLE "ExperimentDailyStat" ADD CONSTRAINT "ExperimentDailyStat_workspaceId_experimentId_fkey" FOREIGN KEY ("workspaceId", "experimentId") REFERENCES "Experiment"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExperimentUnitValue" ADD CONSTRAINT "ExperimentUnitValue_workspaceId_experimentId_fkey" FOREIGN KEY ("workspaceId", "experimentId") REFERENCES "Experiment"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Mark (experiment, profile) units dirty whenever something their readout values read changes: an
-- event with one of the experiment's measure names (inserted, moved by a merge, deleted) or the
-- exposure itself. Statement-level with transition tables: one join per statement, whatever the
-- write path (ingestion, delivery, merges, COPY, cascades). The readout and the worker recompute
-- the marked units (lib/experiments/sql.ts refreshUnitsSql).
CREATE FUNCTION "experiment_mark_event_units"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
    INSERT INTO "ExperimentDirtyUnit" ("workspaceId", "experimentId", "profileId")
    SELECT DISTINCT x."workspaceId", x."experimentId", x."profileId"
    FROM new_events e
    JOIN "Exposure" x ON x."workspaceId" = e."workspaceId" AND x."profileId" = e."profileId"
    JOIN "Experiment" m ON m."workspaceId" = x."workspaceId" AND m."id" = x."experimentId" AND e."name" = ANY (m."readoutEvents")
    ON CONFLICT ("workspaceId", "experimentId", "profileId") DO UPDATE SET "markedAt" = excluded."markedAt";
  END IF;
  IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
    INSERT INTO "ExperimentDirtyUnit" ("workspaceId", "experimentId", "profileId")
    SELECT DISTINCT x."workspaceId", x."experimentId", x."profileId"
    FROM old_events e
    JOIN "Exposure" x ON x."workspaceId" = e."workspaceId" AND x."profileId" = e."profileId"
    JOIN "Experiment" m ON m."workspaceId" = x."workspaceId" AND m."id" = x."experimentId" AND e."name" = ANY (m."readoutEvents")
    ON CONFLICT ("workspaceId", "experimentId", "profileId") DO UPDATE SET "markedAt" = excluded."markedAt";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Event_experiment_units_insert" AFTER INSERT ON "Event" REFERENCING NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION "experiment_mark_event_units"();
CREATE TRIGGER "Event_experiment_units_update" AFTER UPDATE ON "Event" REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events
  FOR EACH STATEMENT EXECUTE FUNCTION "experiment_mark_event_units"();
CREATE TRIGGER "Event_experiment_units_delete" AFTER DELETE ON "Event" REFERENCING OLD TABLE AS old_events
  FOR EACH STATEMENT EXECUTE FUNCTION "experiment_mark_event_units"();

-- The DO UPDATE (not DO NOTHING) locks the mark until this transaction ends, so a drain running
-- meanwhile skips it and recomputes the unit only once these changes are visible.
CREATE FUNCTION "experiment_mark_exposure_units"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
    INSERT INTO "ExperimentDirtyUnit" ("workspaceId", "experimentId", "profileId")
    SELECT DISTINCT x."workspaceId", x."experimentId", x."profileId" FROM new_exposures x
    ON CONFLICT ("workspaceId", "experimentId", "profileId") DO UPDATE SET "markedAt" = excluded."markedAt";
  END IF;
  IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
    INSERT INTO "ExperimentDirtyUnit" ("workspaceId", "experimentId", "profileId")
    SELECT DISTINCT x."workspaceId", x."experimentId", x."profileId" FROM old_exposures x
    ON CONFLICT ("workspaceId", "experimentId", "profileId") DO UPDATE SET "markedAt" = excluded."markedAt";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Exposure_experiment_units_insert" AFTER INSERT ON "Exposure" REFERENCING NEW TABLE AS new_exposures
  FOR EACH STATEMENT EXECUTE FUNCTION "experiment_mark_exposure_units"();
CREATE TRIGGER "Exposure_experiment_units_update" AFTER UPDATE ON "Exposure" REFERENCING OLD TABLE AS old_exposures NEW TABLE AS new_exposures
  FOR EACH STATEMENT EXECUTE FUNCTION "experiment_mark_exposure_units"();
CREATE TRIGGER "Exposure_experiment_units_delete" AFTER DELETE ON "Exposure" REFERENCING OLD TABLE AS old_exposures
  FOR EACH STATEMENT EXECUTE FUNCTION "experiment_mark_exposure_units"();

-- Existing experiments: readoutBuiltAt is null, so the worker (or the first readout) builds their
-- statistics from their exposures once (lib/experiments/readout-stats.ts).
-- Their measures' event names now, so the triggers mark their units from the start (the same list
-- as readoutEventNames in lib/experiments/metric-measures.ts).
UPDATE "Experiment" e SET "readoutEvents" = ARRAY(
  SELECT DISTINCT n FROM (
    SELECT n FROM jsonb_array_elements(jsonb_build_array(e."primaryMetric") || e."secondaryMetrics") m
      CROSS JOIN LATERAL unnest(CASE WHEN m->>'kind' = 'ctr' THEN ARRAY['message_clicked', 'message_delivered'] ELSE ARRAY[m->>'event'] END) n
    UNION ALL
    SELECT n FROM jsonb_array_elements(e."guardrails") g
      CROSS JOIN LATERAL unnest(CASE WHEN g->>'kind' = 'unsubscribe_rate' THEN ARRAY['message_unsubscribed'] ELSE ARRAY['message_failed', 'message_complained'] END) n
  ) s WHERE n IS NOT NULL ORDER BY n);
