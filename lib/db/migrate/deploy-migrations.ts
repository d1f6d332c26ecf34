import { NO_FILTER, type MigrateContext } from "./context";
import { readMigrations } from "./migrations-dir";

/** Applies every pending migration; a failing one rolls back whole and is recorded failed. */
export async function deployMigrations(context: MigrateContext): Promise<string[]> {
  const { appliedMigrationNames } = await context.engine.applyMigrations({
    migrationsList: readMigrations(context.migrationsDir),
    filters: NO_FILTER,
  });
  return appliedMigrationNames;
}
