import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI would try to download a native schema engine; point it at a stub so it never does.
// Migrations run through scripts/migrate.ts (docs/database.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(import.meta.dirname, "prisma/schema-engine-stub.cjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://127.0.0.1:5432/unset" },
});
