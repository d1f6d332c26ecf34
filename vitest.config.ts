import path from "node:path";
import { defineConfig } from "vitest/config";

// A DATABASE_URL given to `npm test` names the PostgreSQL server to make throw-away databases on.
// (process.env turns an assigned undefined into the string "undefined".)
if (process.env.DATABASE_URL) process.env.TEST_SERVER_DATABASE_URL ??= process.env.DATABASE_URL;

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
      // The real package throws outside React Server Components; tests call server code directly.
      { find: "server-only", replacement: path.resolve(import.meta.dirname, "tests/support/empty-module.ts") },
    ],
  },
  test: {
    include: ["tests/**/*.test.ts", "lib/**/*.test.ts", "components/**/*.test.{ts,tsx}"],
    environment: "node",
    pool: "forks",
    // One worker process per run (two cores, two databases at once): test files share its module cache
    // instead of importing the app anew per file (≈ 35 s of each run; with the lighter process the
    // suite ran in 135 s instead of 258). Files leave nothing behind for the next: each makes its own
    // workspace, puts back the environment it changed, and the one vi.mock is of next/navigation.
    isolate: false,
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/worker-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // .ci/run runs both databases at once, each writing to its own TAILOR_REPORT_DIR.
    reporters: ["default", ["json", { outputFile: `${process.env.TAILOR_REPORT_DIR ?? "reports"}/vitest.json` }]],
  },
});
