-- Unused since the running counts moved to ProfileCounter (20261207185903_profile_counters): the
-- top keys are picked in recomputeTraitsSql (ORDER BY count DESC, key COLLATE "C") and in the
-- server's topKey (lib/profiles/ingest/running-counts.ts), with the same tie-break.
DROP FUNCTION IF EXISTS tailor_top_key(jsonb);
