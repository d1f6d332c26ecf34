#!/usr/bin/env node
// Stands in for Prisma's native schema-engine binary, which cannot be downloaded on these
// machines. The Prisma CLI only asks it for --version during `generate`/`validate`; migrations
// go through scripts/migrate.ts (the WebAssembly schema engine) instead.
if (process.argv.includes("--version")) {
  console.log("schema-engine-cli 0.0.0 (tailor stub: migrations run through scripts/migrate.ts)");
  process.exit(0);
}
console.error(
  "Prisma's native schema engine is not available here. Use `npm run db:migrate`, `db:deploy`, `db:status` (scripts/migrate.ts).",
);
process.exit(1);
