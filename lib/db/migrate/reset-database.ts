import { NO_FILTER, type MigrateContext } from "./context";
import { deployMigrations } from "./deploy-migrations";

/** Drops every object in the database, then re-applies all migrations. */
export async function resetDatabase(context: MigrateContext): Promise<string[]> {
  await context.engine.reset({ filter: NO_FILTER });
  return deployMigrations(context);
}
