import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { scriptError } from "./script-error";

const require = createRequire(import.meta.url);
const pgliteVersion = (
  JSON.parse(
    readFileSync(path.join(path.dirname(require.resolve("@electric-sql/pglite")), "../package.json"), "utf8"),
  ) as { version: string }
).version;
// A data directory straight after initdb, shared by every process on the machine: initdb is ≈2.5 s
// of a new PGlite's ≈3 s start, and `dev` opens two shadows. Starting from the dump takes ≈0.5 s.
const TEMPLATE = path.join(tmpdir(), `tailor-pglite-${pgliteVersion}-initdb.tar`);

async function freshPglite(): Promise<PGlite> {
  if (existsSync(TEMPLATE)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([readFileSync(TEMPLATE)]) });
    } catch {
      rmSync(TEMPLATE, { force: true }); // unreadable (say, the disk filled while writing it): rebuild it
    }
  }
  const pglite = await PGlite.create();
  const partial = `${TEMPLATE}.${process.pid}`;
  try {
    writeFileSync(partial, Buffer.from(await (await pglite.dumpDataDir("none")).arrayBuffer()));
    renameSync(partial, TEMPLATE); // atomic: a concurrent process never reads half a file
  } catch {
    rmSync(partial, { force: true }); // no cache only means the next shadow starts slowly
  }
  return pglite;
}

/**
 * An in-memory, in-process PGlite as the shadow database (through pglite-prisma-adapter's factory).
 * pglite-server serves one database whatever name a client asks for, so a shadow "created" through
 * it would be the main database.
 */
export async function pgliteShadow(): Promise<SqlDriverAdapter> {
  const pglite = await freshPglite();
  const adapter = await new PrismaPGlite(pglite).connect();
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    // pglite-prisma-adapter 0.7.2 does not await exec(): a failing script would pass unnoticed.
    async executeScript(script: string) {
      await pglite.exec(script).catch((error: unknown) => {
        throw scriptError(error, script);
      });
    },
    async dispose() {
      await pglite.close();
    },
  });
}
