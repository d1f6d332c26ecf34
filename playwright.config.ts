import { defineConfig } from "@playwright/test";

// scripts/e2e.ts builds the app, makes a throw-away database and sets these before running us.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

// The specs whose behaviour can differ with the database behind the app: the worker and the web
// server write at once (sends, exposures, tracking, imports), and the pages read rollups and
// statistics those writes keep. Vitest covers every query on both databases.
const DATABASE_SPECS = [
  "campaigns",
  "delivery-tracking",
  "experiments",
  "experiments-guards",
  "imports",
  "journey-builder",
  "journeys",
  "profiles",
  "reports",
  "segments",
];
// The layout and accessibility walk over every page: what it checks does not depend on the database.
const LAYOUT_SPECS = ["every-page"];
const specs = (names: string[]) => names.map((name) => `**/${name}.spec.ts`);
// .ci/run runs two suites at once when PostgreSQL is up: on PostgreSQL the database specs and the
// layout walk (TAILOR_E2E_SCOPE=database), on the embedded database everything else
// (TAILOR_E2E_SCOPE=rest) — the walk is a third of the suite and runs once, where the suite is
// shorter. Without a scope (npm test) every spec runs.
const scope = process.env.TAILOR_E2E_SCOPE;
const selection =
  scope === "database"
    ? { testMatch: specs([...DATABASE_SPECS, ...LAYOUT_SPECS]) }
    : scope === "rest"
      ? { testIgnore: specs(LAYOUT_SPECS) }
      : {};

export default defineConfig({
  testDir: "e2e",
  ...selection,
  // .ci/run runs the embedded and the PostgreSQL suites at once: each clears and fills its own folder.
  outputDir: process.env.TAILOR_E2E_OUTPUT_DIR ?? "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: `${process.env.TAILOR_REPORT_DIR ?? "reports"}/playwright.json` }]],
  use: {
    baseURL,
    // A screenshot of every test for people to look at; .ci/run keeps only a failing test's.
    screenshot: process.env.TAILOR_E2E_SCREENS === "off" ? "only-on-failure" : "on",
    trace: "retain-on-failure",
    viewport: { width: 1280, height: 800 },
    colorScheme: "light",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "node_modules/.bin/tsx scripts/run.ts start",
    url: `${baseURL}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // A small demo population keeps the server quick while the tests run.
    // The whole demo history before the first test (the first spec reads it).
    env: {
      PORT: String(port),
      NEXTAUTH_URL: baseURL,
      TAILOR_SEED_DEMO: "1",
      TAILOR_DEMO_BEFORE_SERVING: "1",
      TAILOR_DEMO_PROFILES: "300",
      TAILOR_DEMO_EVENTS: "12000",
      TAILOR_OUTBOUND_ALLOW_HOSTS: "127.0.0.1",
    },
  },
});
