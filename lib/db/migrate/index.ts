export { openMigrateContext, type MigrateOptions, type MigrateContext } from "./context";
export { deployMigrations } from "./deploy-migrations";
export { createMigration, type DevOptions, type DevResult } from "./create-migration";
export { migrationStatus, type MigrationStatus } from "./migration-status";
export { missingMigrationSql } from "./check-migrations";
export { resetDatabase } from "./reset-database";
export { resolveMigration } from "./resolve-migration";
export { SHADOW_PREFIX } from "./server-shadow";
