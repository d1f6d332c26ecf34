// Offline migrations through Prisma's WebAssembly schema engine (commands: USAGE below; docs/database.md).
// Reads DATABASE_URL (every command but `check`); TAILOR_MIGRATE_DEBUG=1 prints the engine's log.
// --schema / --migrations point it at another schema file and migrations directory (its tests do).
import path from "node:path";
import { parseArgs } from "node:util";
import { describeDatabase } from "@/lib/db/database-url";
import { displayValue } from "@/lib/display-value";
import { createMigration } from "@/lib/db/migrate/create-migration";
import { deployMigrations } from "@/lib/db/migrate/deploy-migrations";
import { migrationStatus } from "@/lib/db/migrate/migration-status";
import { missingMigrationSql } from "@/lib/db/migrate/check-migrations";
import { openMigrateContext, type MigrateContext } from "@/lib/db/migrate/context";
import { resetDatabase } from "@/lib/db/migrate/reset-database";
import { resolveMigration } from "@/lib/db/migrate/resolve-migration";

const USAGE = `usage: tsx scripts/migrate.ts <command> [--schema file] [--migrations dir]
  deploy                                         apply pending migrations
  dev [--name x] [--create-only] [--accept-data-loss]
                                                 apply pending, then migrate schema.prisma changes
  status                                         applied / pending / failed migrations and drift
  check                                          schema.prisma vs migrations, no database needed
  reset --force                                  drop everything, re-apply all migrations
  resolve --rolled-back <name> | --applied <name> settle a failed migration`;

const ROOT = path.resolve(import.meta.dirname, "..");
const started = Date.now();
const took = () => `(${((Date.now() - started) / 1000).toFixed(1)} s)`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseCommandLine() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        name: { type: "string" },
        "create-only": { type: "boolean", default: false },
        "accept-data-loss": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
        "rolled-back": { type: "string" },
        applied: { type: "string" },
        schema: { type: "string", default: path.join(ROOT, "prisma/schema.prisma") },
        migrations: { type: "string", default: path.join(ROOT, "prisma/migrations") },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
}
const { positionals, values } = parseCommandLine();
const command = positionals[0] ?? "";

/** Inside the repository a path reads better relative; a scratch directory elsewhere, absolute. */
function shown(file: string): string {
  const relative = path.relative(ROOT, file);
  return relative.startsWith("..") ? file : relative;
}

async function deploy(context: MigrateContext): Promise<number> {
  const applied = await deployMigrations(context);
  for (const name of applied) console.log(`applied ${name}`);
  console.log(
    `${applied.length === 0 ? "No pending migrations." : `Applied ${applied.length} migration(s).`} ${took()}`,
  );
  return 0;
}

async function dev(context: MigrateContext): Promise<number> {
  const result = await createMigration(context, {
    name: values.name,
    createOnly: values["create-only"],
    acceptDataLoss: values["accept-data-loss"],
  });
  for (const name of result.applied) console.log(`applied ${name}`);
  switch (result.kind) {
    case "in-sync":
      console.log(`schema.prisma and the database agree: no new migration. ${took()}`);
      return 0;
    case "needs-name":
      console.error(
        `schema.prisma has changes: name the migration, e.g. \`npm run db:migrate -- --name add_personas\`. ${took()}`,
      );
      return 1;
    case "needs-reset":
      console.error(
        `The database cannot follow the migrations: ${result.reason}\nRun \`npm run db:reset -- ` +
          `--force\` (drops all data). ${took()}`,
      );
      return 1;
    case "data-loss":
      for (const message of result.unexecutable) console.error(`cannot apply: ${message}`);
      for (const message of result.warnings) console.error(`data loss: ${message}`);
      console.error(
        result.unexecutable.length > 0
          ? "Refused: change the schema, or write the migration with --create-only and edit it by hand."
          : "Refused: this change loses data. Run again with --accept-data-loss if that is intended.",
      );
      console.error(took());
      return 1;
    case "created":
      for (const message of result.warnings) console.log(`note: ${message}`);
      console.log(
        result.appliedNew ? "Created and applied" : "Created (not applied; edit it, then run db:migrate)",
        `${shown(result.file)} ${took()}`,
      );
      return 0;
  }
}

async function status(context: MigrateContext): Promise<number> {
  const result = await migrationStatus(context);
  for (const migration of result.migrations) console.log(`${migration.state.padEnd(22)} ${migration.name}`);
  for (const name of result.notInDirectory) console.log(`${"not in directory".padEnd(22)} ${name}`);
  if (result.drift) console.log(`Drift: the database differs from what the migrations make:\n${result.drift}`);
  console.log(`${result.upToDate ? "Database is up to date." : "Database is NOT up to date."} ${took()}`);
  return result.upToDate ? 0 : 1;
}

async function check(context: MigrateContext): Promise<number> {
  const missing = await missingMigrationSql(context);
  if (missing === null) {
    console.log(`schema and migrations agree ${took()}`);
    return 0;
  }
  console.error(
    `schema.prisma has changes with no migration. Run \`npm run db:migrate -- --name <what ` +
      `changed>\`. Missing SQL:\n${missing}\n${took()}`,
  );
  return 1;
}

async function reset(context: MigrateContext): Promise<number> {
  const applied = await resetDatabase(context);
  console.log(`Dropped everything and applied ${applied.length} migration(s). ${took()}`);
  return 0;
}

async function resolve(context: MigrateContext): Promise<number> {
  const name = values["rolled-back"] ?? values.applied!;
  await resolveMigration(context, name, values["rolled-back"] ? "rolled-back" : "applied");
  console.log(`Marked ${name} ${values["rolled-back"] ? "rolled back" : "applied"}. ${took()}`);
  return 0;
}

const COMMANDS = { deploy, dev, status, check, reset, resolve } as const;

/** The engine's errors end in a trace of its Rust frames: keep the message, and name a failed migration. */
function describeFailure(error: unknown): string {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === "object"
        ? JSON.stringify(error, null, 2)
        : displayValue(error);
  const migration = /migration_name="([^"]+)"/.exec(message)?.[1];
  const reason = message.split(/\n\s+0: /)[0]!.replace(/^external connector error\n/, "");
  if (migration) return `migration ${migration} failed:\n${reason}`;
  if (reason.includes("found failed migrations")) {
    return (
      `${reason.trimEnd()}\nOnce settled: tsx scripts/migrate.ts resolve --rolled-back <name> ` +
      `(fixed, run it again) or --applied <name> (finished by hand).`
    );
  }
  return reason;
}

async function main(): Promise<number> {
  if (!Object.hasOwn(COMMANDS, command)) fail(USAGE);
  const url = process.env.DATABASE_URL || undefined;
  if (command !== "check" && !url) {
    fail(
      `migrate ${command} needs DATABASE_URL. \`npm run db:*\` sets it (the embedded database ` +
        `when you have no server).`,
    );
  }
  if (command === "reset" && !values.force)
    fail("reset drops every table and row. Run it again with --force if you mean it.");
  if (command === "resolve" && !values["rolled-back"] === !values.applied) fail(USAGE);
  if (url && command !== "check") console.log(`migrate ${command} on ${await describeDatabase(url)}`);
  const context = await openMigrateContext({
    schemaPath: path.resolve(values.schema),
    migrationsDir: path.resolve(values.migrations),
    url: command === "check" ? undefined : url,
  });
  return COMMANDS[command as keyof typeof COMMANDS](context);
}

// process.exit in every case: pg pools would keep the process alive for up to a minute.
main()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(`migrate ${command}: ${describeFailure(error)}\n${took()}`);
    process.exit(1);
  });
