// Reads one database's reports (Vitest and Playwright JSON in reportDir, the smoke test's log) and
// prints its runners' counts; with --total, adds lines up.
import { existsSync, readFileSync } from "node:fs";

const args = process.argv.slice(2);
if (args[0] === "--total") {
  let passed = 0;
  let failed = 0;
  for (const line of args.slice(1).join("\n").split("\n")) {
    const match = /(\d+) passed, (\d+) failed/.exec(line);
    if (match) {
      passed += Number(match[1]);
      failed += Number(match[2]);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(0);
}

const [label, reportDir, logFile, smokeExpected = "smoke"] = args;
const lines = [];
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null);

const vitest = read(`${reportDir}/vitest.json`);
lines.push(
  vitest
    ? `${label} vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ` +
        `${vitest.numPendingTests} skipped`
    : `${label} vitest: 0 passed, 1 failed (no report: it did not run)`,
);

const playwright = read(`${reportDir}/playwright.json`);
lines.push(
  playwright
    ? `${label} playwright: ${playwright.stats.expected} passed, ` +
        `${playwright.stats.unexpected + playwright.stats.flaky} failed, ` +
        `${playwright.stats.skipped} skipped`
    : `${label} playwright: 0 passed, 1 failed (no report: it did not run)`,
);

const log = existsSync(logFile) ? readFileSync(logFile, "utf8") : "";
const smoke = /^smoke: (\d+ passed, \d+ failed)$/m.exec(log);
if (smoke) lines.push(`${label} smoke: ${smoke[1]}`);
else if (smokeExpected === "smoke") lines.push(`${label} smoke: 0 passed, 1 failed (did not run)`);
console.log(lines.join("\n"));
