// `npm run test:e2e`: production build → throw-away database → Playwright against `npm start`.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createThrowawayDatabase } from "../tests/support/throwaway-database";
import { NEXT, runChild } from "./support/run-child";

process.env.NEXT_TELEMETRY_DISABLED = "1";
// A DATABASE_URL given to `npm test` names the server to make the throw-away database on.
// (process.env turns an assigned undefined into the string "undefined".)
if (process.env.DATABASE_URL) process.env.TEST_SERVER_DATABASE_URL ??= process.env.DATABASE_URL;

// Built with canary secrets in the environment: e2e/security.spec.ts checks no client bundle has them.
// CI runs the suite twice (embedded database, then PostgreSQL) on one commit: the second run may
// reuse the first one's build (TAILOR_E2E_REUSE_BUILD=1), with the canaries that build was made with.
const BUILD_NOTE = ".next/e2e-build.json";
const reused = process.env.TAILOR_E2E_REUSE_BUILD === "1" && existsSync(".next/BUILD_ID") && existsSync(BUILD_NOTE);
if (reused) {
  const note = JSON.parse(readFileSync(BUILD_NOTE, "utf8")) as { secret: string; database: string };
  process.env.E2E_SECRET_CANARY = note.secret;
  process.env.E2E_DATABASE_CANARY = note.database;
  console.log("e2e: reusing the production build of this checkout");
} else {
  const canary = `canary${randomBytes(8).toString("hex")}`;
  process.env.E2E_SECRET_CANARY = `secret-${canary}`;
  process.env.E2E_DATABASE_CANARY = `postgresql://${canary}@db.invalid/x`;
  rmSync(BUILD_NOTE, { force: true });
  await runChild(process.execPath, [NEXT, "build"], {
    ...process.env,
    NEXTAUTH_SECRET: process.env.E2E_SECRET_CANARY,
    DATABASE_URL: process.env.E2E_DATABASE_CANARY,
  });
  writeFileSync(
    BUILD_NOTE,
    JSON.stringify({ secret: process.env.E2E_SECRET_CANARY, database: process.env.E2E_DATABASE_CANARY }),
  );
}
// .ci/run builds once, then runs the embedded and the PostgreSQL suites at once on that build.
if (process.env.TAILOR_E2E_BUILD_ONLY === "1") process.exit(0);
const database = await createThrowawayDatabase();
console.log(`e2e database: ${database.kind}`);
let code = 0;
try {
  await runChild(process.execPath, ["node_modules/@playwright/test/cli.js", "test", ...process.argv.slice(2)], {
    ...process.env,
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
  });
} catch (error) {
  console.error((error as Error).message);
  code = 1;
}
await database.drop();
process.exit(code);
