import { NO_FILTER, type MigrateContext } from "./context";
import { deployMigrations } from "./deploy-migrations";
import { readMigrations, writeMigration } from "./migrations-dir";

export type DevOptions = { name?: string; createOnly: boolean; acceptDataLoss: boolean };

export type DevResult =
  | { kind: "in-sync"; applied: string[] }
  | { kind: "needs-reset"; applied: string[]; reason: string }
  | { kind: "needs-name"; applied: string[] }
  | { kind: "data-loss"; applied: string[]; warnings: string[]; unexecutable: string[] }
  | { kind: "created"; applied: string[]; name: string; file: string; appliedNew: boolean };

/** `migrate dev`: apply pending migrations, then turn schema.prisma changes into a new migration. */
export async function createMigration(context: MigrateContext, options: DevOptions): Promise<DevResult> {
  const applied = await deployMigrations(context);
  const migrationsList = readMigrations(context.migrationsDir);
  // Also refreshes the engine's cache, which a just-applied migration leaves stale.
  const { action } = await context.engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
  if (action.tag === "reset") return { kind: "needs-reset", applied, reason: action.reason };

  const loss = await context.engine.evaluateDataLoss({ migrationsList, schema: context.schema, filters: NO_FILTER });
  if (loss.migrationSteps === 0 && !options.createOnly) return { kind: "in-sync", applied };
  const warnings = loss.warnings.map((w) => w.message);
  const unexecutable = loss.unexecutableSteps.map((w) => w.message);
  if (unexecutable.length > 0 || (warnings.length > 0 && !options.acceptDataLoss)) return { kind: "data-loss", applied, warnings, unexecutable };
  if (!options.name) return { kind: "needs-name", applied };

  const created = await context.engine.createMigration({
    draft: options.createOnly,
    migrationName: options.name,
    migrationsList,
    schema: context.schema,
    filters: NO_FILTER,
  });
  if (created.migrationScript === null) return { kind: "in-sync", applied };
  const file = writeMigration(context.migrationsDir, created.generatedMigrationName, created.migrationScript);
  if (options.createOnly) return { kind: "created", applied, name: created.generatedMigrationName, file, appliedNew: false };
  await deployMigrations(context);
  return { kind: "created", applied, name: created.generatedMigrationName, file, appliedNew: true };
}
