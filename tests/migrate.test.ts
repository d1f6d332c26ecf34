import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { connectionFields } from "@/lib/db/migrate/pg-adapter";
import { applyMigrations, createThrowawayDatabase, type ThrowawayDatabase } from "./support/throwaway-database";

const TSX = path.resolve("node_modules/.bin/tsx");
const SERVER = process.env.TEST_SERVER_DATABASE_URL;
const HEADER = `datasource db {\n  provider = "postgresql"\n}\n`;

const databases: ThrowawayDatabase[] = [];
afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

async function freshDatabase(kind: "configured" | "postgres" | "pglite" = "configured"): Promise<ThrowawayDatabase> {
  const previous = process.env.TEST_SERVER_DATABASE_URL;
  if (kind === "pglite") delete process.env.TEST_SERVER_DATABASE_URL;
  const database = await createThrowawayDatabase().finally(() => {
    if (previous) process.env.TEST_SERVER_DATABASE_URL = previous;
  });
  databases.push(database);
  return database;
}

/** A scratch project: a schema file and a migrations directory with the given migrations. */
function scratch(schema: string, migrations: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), "tailor-migrate-"));
  const schemaPath = path.join(dir, "schema.prisma");
  const migrationsDir = path.join(dir, "migrations");
  writeFileSync(schemaPath, HEADER + schema);
  mkdirSync(migrationsDir);
  for (const [name, sql] of Object.entries(migrations)) {
    mkdirSync(path.join(migrationsDir, name));
    writeFileSync(path.join(migrationsDir, name, "migration.sql"), sql);
  }
  return {
    schemaPath,
    migrationsDir,
    setSchema: (next: string) => writeFileSync(schemaPath, HEADER + next),
    migrate: (url: string | undefined, ...args: string[]) => {
      const result = spawnSync(TSX, ["scripts/migrate.ts", ...args, "--schema", schemaPath, "--migrations", migrationsDir], {
        env: { ...process.env, DATABASE_URL: url ?? "" },
        encoding: "utf8",
      });
      return { code: result.status, output: `${result.stdout}${result.stderr}` };
    },
  };
}

async function query<T extends object>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client(connectionFields(url));
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const THING_WITH_NOTE = `model Thing {\n  id   Int     @id\n  note String?\n}\n`;
const THING = `model Thing {\n  id Int @id\n}\n`;

describe("scripts/migrate.ts", () => {
  it("applies a migration with a $$-quoted function body and a string literal that contain semicolons", async () => {
    const database = await freshDatabase();
    const project = scratch("", {
      "20260101000000_notes": [
        `CREATE TABLE "Note" ("id" SERIAL PRIMARY KEY, "body" TEXT NOT NULL DEFAULT 'first; second');`,
        `CREATE FUNCTION note_shout() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.body := upper(NEW.body); RETURN NEW; END; $$;`,
        `CREATE TRIGGER note_shout BEFORE INSERT ON "Note" FOR EACH ROW EXECUTE FUNCTION note_shout();`,
        `INSERT INTO "Note" DEFAULT VALUES;`,
      ].join("\n"),
    });
    const run = project.migrate(database.url, "deploy");
    expect(run.output).toContain("applied 20260101000000_notes");
    expect(run.code).toBe(0);
    expect(await query(database.url, `SELECT body FROM "Note"`)).toEqual([{ body: "FIRST; SECOND" }]);
  });

  it("leaves nothing of a failing two-statement migration behind and records it failed", async () => {
    const database = await freshDatabase();
    const project = scratch("", {
      "20260101000000_half": `CREATE TABLE "Half" ("id" INTEGER);\nSELECT * FROM "does_not_exist";\n`,
    });
    const run = project.migrate(database.url, "deploy");
    expect(run.code).toBe(1);
    expect(run.output).toContain("20260101000000_half");
    expect(run.output).toContain("does_not_exist");
    expect(await query(database.url, `SELECT to_regclass('"Half"') AS half`)).toEqual([{ half: null }]);
    const [row] = await query<{ finished_at: Date | null; logs: string | null }>(
      database.url,
      `SELECT finished_at, logs FROM _prisma_migrations WHERE migration_name = '20260101000000_half'`,
    );
    expect(row?.finished_at).toBeNull();
    expect(row?.logs).toContain("does_not_exist");
    // And status says so.
    const status = project.migrate(database.url, "status");
    expect(status.code).toBe(1);
    expect(status.output).toMatch(/failed\s+20260101000000_half/);
  });

  it("refuses a change that loses data unless --accept-data-loss is given", async () => {
    const database = await freshDatabase();
    const project = scratch(THING_WITH_NOTE);
    expect(project.migrate(database.url, "dev", "--name", "things").code).toBe(0);
    await query(database.url, `INSERT INTO "Thing" (id, note) VALUES (1, 'keep me')`);

    project.setSchema(THING);
    const refused = project.migrate(database.url, "dev", "--name", "drop_note");
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/data loss: .*note/i);
    expect(await query(database.url, `SELECT note FROM "Thing"`)).toEqual([{ note: "keep me" }]);

    const accepted = project.migrate(database.url, "dev", "--name", "drop_note", "--accept-data-loss");
    expect(accepted.code).toBe(0);
    expect(accepted.output).toMatch(/Created and applied .*_drop_note\/migration\.sql/);
    expect(await query(database.url, `SELECT column_name FROM information_schema.columns WHERE table_name = 'Thing' ORDER BY 1`)).toEqual([{ column_name: "id" }]);
  });

  it("check exits 1 when schema.prisma has a change with no migration, and 0 once it has one", async () => {
    const database = await freshDatabase();
    const project = scratch(THING);
    expect(project.migrate(database.url, "dev", "--name", "things").code).toBe(0);
    expect(project.migrate(undefined, "check").code).toBe(0);
    project.setSchema(THING_WITH_NOTE);
    const stale = project.migrate(undefined, "check");
    expect(stale.code).toBe(1);
    expect(stale.output).toMatch(/ADD COLUMN\s+"note" TEXT/);
  });

  it.skipIf(!SERVER)("leaves no shadow database behind on PostgreSQL", async () => {
    const shadows = () => query<{ count: string }>(SERVER!, `SELECT count(*) FROM pg_database WHERE datname LIKE 'tailor_shadow_%'`);
    const before = await shadows();
    const database = await freshDatabase("postgres");
    const project = scratch(THING);
    expect(project.migrate(database.url, "dev", "--name", "things").code).toBe(0);
    project.setSchema(THING_WITH_NOTE);
    expect(project.migrate(database.url, "dev", "--name", "note").code).toBe(0);
    expect(project.migrate(database.url, "status").code).toBe(0);
    expect(await shadows()).toEqual(before);
  });

  it.skipIf(!SERVER)("gives an empty PGlite and an empty PostgreSQL the same tables from prisma/migrations", async () => {
    const columns = `SELECT table_name, column_name, data_type, is_nullable, column_default
                     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`;
    const [postgres, pglite] = await Promise.all([freshDatabase("postgres"), freshDatabase("pglite")]);
    await Promise.all([applyMigrations(postgres.url), applyMigrations(pglite.url)]);
    const [fromPostgres, fromPglite] = await Promise.all([query(postgres.url, columns), query(pglite.url, columns)]);
    expect(fromPostgres.length).toBeGreaterThan(10);
    expect(fromPglite).toEqual(fromPostgres);
  });
});
