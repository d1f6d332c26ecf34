-- Trait-value search in the profile explorer (lib/profiles/sql.ts): a GIN index over the lower-cased
-- traits answers `lower(traits::text)::jsonb @? '$.* ? (@ == "gold")'` without reading every
-- profile (≈5 s at 1M profiles before). Hand-written: an expression index, invisible to Prisma's
-- schema engine, so db:check and later migrations leave it alone.
CREATE INDEX "Profile_traits_lower_idx" ON "Profile" USING gin ((lower("traits"::text)::jsonb));
