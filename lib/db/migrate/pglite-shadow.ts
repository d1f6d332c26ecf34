import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/**
 * An in-memory, in-process PGlite as the shadow database. pglite-server serves one database whatever
 * name a client asks for, so a shadow "created" through it would be the main database.
 */
export async function pgliteShadow(): Promise<SqlDriverAdapter> {
  const pglite = await PGlite.create();
  const adapter = await new PrismaPGlite(pglite).connect();
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    // pglite-prisma-adapter 0.7.2 does not await exec(), so failures would pass unnoticed.
    async executeScript(script: string) {
      await pglite.exec(script);
    },
    async dispose() {
      await pglite.close();
    },
  });
}
