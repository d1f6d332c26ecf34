import type { MigrateContext } from "./context";
import { readMigrations } from "./migrations-dir";

/**
 * After a failed deploy (which blocks every later one), record how it was settled: "rolled-back"
 * when the migration was fixed and should run again, "applied" when its changes were finished by hand.
 */
export async function resolveMigration(
  context: MigrateContext,
  migrationName: string,
  as: "rolled-back" | "applied",
): Promise<void> {
  if (as === "rolled-back") await context.engine.markMigrationRolledBack({ migrationName });
  else
    await context.engine.markMigrationApplied({ migrationName, migrationsList: readMigrations(context.migrationsDir) });
}
