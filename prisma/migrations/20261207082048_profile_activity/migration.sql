-- CreateTable
CREATE TABLE "ProfileActivity" (
    "workspaceId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "firstDay" DATE NOT NULL,
    "days" varbit NOT NULL,
    "firstWeek" DATE NOT NULL,
    "weeks" varbit NOT NULL,

    CONSTRAINT "ProfileActivity_pkey" PRIMARY KEY ("workspaceId","profileId")
);

-- AddForeignKey
ALTER TABLE "ProfileActivity" ADD CONSTRAINT "ProfileActivity_workspaceId_profileId_fkey" FOREIGN KEY ("workspaceId", "profileId") REFERENCES "Profile"("workspaceId", "id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Sets of days or weeks as bit strings. tailor_bits: bit i (from the left) for unit min(units) + i.
CREATE FUNCTION tailor_bits(units int[]) RETURNS varbit LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT bit_or(rpad(lpad('1', u - m.f + 1, '0'), m.l - m.f + 1, '0')::varbit)
  FROM unnest(units) AS x(u), (SELECT min(y) AS f, max(y) AS l FROM unnest(units) AS z(y)) m
$$;

-- The union of two bit strings whose first units are `shift` apart (b starts after a when positive):
-- the result starts at the earlier of the two.
CREATE FUNCTION tailor_or_bits(a varbit, b varbit, shift int) RETURNS varbit LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (repeat('0', greatest(-shift, 0)) || a::text || repeat('0', n - greatest(-shift, 0) - length(a)))::varbit
       | (repeat('0', greatest(shift, 0)) || b::text || repeat('0', n - greatest(shift, 0) - length(b)))::varbit
  FROM (SELECT greatest(greatest(-shift, 0) + length(a), greatest(shift, 0) + length(b)) AS n) x
$$;

-- Units [start, start + n) of a bit string as n characters '0'/'1': '0' outside it (start may be
-- negative), nothing when n <= 0. Only the slice becomes text, not the whole string.
CREATE FUNCTION tailor_bits_window(bits varbit, start int, n int) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT rpad(repeat('0', least(greatest(-start, 0), greatest(n, 0))) || substring(bits FROM greatest(start, 0) + 1 FOR greatest(n - greatest(-start, 0), 0))::text, greatest(n, 0), '0')
$$;

-- Every active profile's summary, from its active days.
INSERT INTO "ProfileActivity" ("workspaceId", "profileId", "firstDay", "days", "firstWeek", "weeks")
SELECT "workspaceId", "profileId", min("day"), tailor_bits(array_agg("day" - DATE '2000-01-03')),
       date_trunc('week', min("day"))::date, tailor_bits(array_agg((date_trunc('week', "day")::date - DATE '2000-01-03') / 7))
FROM "ProfileActiveDay" GROUP BY 1, 2 ORDER BY 1, 2;
