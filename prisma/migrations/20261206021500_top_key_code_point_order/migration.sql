-- Ties between counts go to the key first in code-point order ("C" collation), whatever the
-- database's default collation: the ingest path breaks ties the same way in the server
-- (lib/profiles/ingest/running-counts.ts), and the embedded and PostgreSQL databases agree.
CREATE OR REPLACE FUNCTION tailor_top_key(counts jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT k FROM jsonb_each_text(coalesce(counts, '{}'::jsonb)) AS x(k, v) ORDER BY v::numeric DESC, k COLLATE "C" LIMIT 1;
$$;

-- Unused since the server merges the running counts (running-counts.ts).
DROP FUNCTION tailor_add_counts(jsonb, jsonb);
