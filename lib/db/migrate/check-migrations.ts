import { NO_FILTER, type MigrateContext } from "./context";
import { readMigrations } from "./migrations-dir";

/** The SQL that schema.prisma still needs beyond the migrations directory; null when they agree. */
export async function missingMigrationSql(context: MigrateContext): Promise<string | null> {
  const diff = await context.engine.diff({
    from: { tag: "migrations", ...readMigrations(context.migrationsDir) },
    to: { tag: "schemaDatamodel", ...context.schema },
    script: true,
    exitCode: true,
    filters: NO_FILTER,
  });
  return diff.exitCode === 2 ? (diff.stdout ?? "") : null;
}
