-- Helpers for computed traits kept as JSON counts (category views, active hours).
-- Hand-written: Prisma's schema does not describe functions.

-- Adds two {key: count} objects key by key.
CREATE FUNCTION tailor_add_counts(a jsonb, b jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(jsonb_object_agg(k, total), '{}'::jsonb)
  FROM (
    SELECT k, sum(v::numeric) AS total
    FROM (SELECT * FROM jsonb_each_text(coalesce(a, '{}'::jsonb)) UNION ALL SELECT * FROM jsonb_each_text(coalesce(b, '{}'::jsonb))) AS x(k, v)
    GROUP BY k
  ) AS totals;
$$;

-- The key with the highest count; ties go to the alphabetically first key, so results are stable.
CREATE FUNCTION tailor_top_key(counts jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT k FROM jsonb_each_text(coalesce(counts, '{}'::jsonb)) AS x(k, v) ORDER BY v::numeric DESC, k LIMIT 1;
$$;
