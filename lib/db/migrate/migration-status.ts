import { NO_FILTER, type MigrateContext } from "./context";
import { readMigrations } from "./migrations-dir";

export type MigrationStatus = {
  migrations: { name: string; state: "applied" | "pending" | "failed" | "edited after applying" }[];
  notInDirectory: string[];
  drift: string | null;
  upToDate: boolean;
};

/** Applied, pending and failed migrations, and drift between the database and the migration history. */
export async function migrationStatus(context: MigrateContext): Promise<MigrationStatus> {
  const migrationsList = readMigrations(context.migrationsDir);
  const diagnosis = await context.engine.diagnoseMigrationHistory({
    migrationsList,
    optInToShadowDatabase: false,
    filters: NO_FILTER,
  });
  const history = diagnosis.history;
  const pending = new Set(history && "unappliedMigrationNames" in history ? history.unappliedMigrationNames : []);
  const failed = new Set(diagnosis.failedMigrationNames);
  const edited = new Set(diagnosis.editedMigrationNames);
  const migrations = migrationsList.migrationDirectories.map(({ path: name }) => ({
    name,
    state: failed.has(name)
      ? ("failed" as const)
      : edited.has(name)
        ? ("edited after applying" as const)
        : pending.has(name)
          ? ("pending" as const)
          : ("applied" as const),
  }));
  const notInDirectory = history && "unpersistedMigrationNames" in history ? history.unpersistedMigrationNames : [];

  let drift: string | null = null;
  if (!history && failed.size === 0) {
    // Only meaningful once the history agrees: what the database has that the migrations do not make.
    const diff = await context.engine.diff({
      from: { tag: "migrations", ...migrationsList },
      to: { tag: "schemaDatasource", ...context.schema, configDir: context.migrationsDir },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    drift = diff.exitCode === 2 ? (diff.stdout ?? "") : null;
  }
  return {
    migrations,
    notInDirectory,
    drift,
    upToDate: !history && failed.size === 0 && edited.size === 0 && drift === null,
  };
}
