import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "@/lib/experiments/stats/analyze";
import { statsRequestSchema } from "@/lib/experiments/stats/schema";

const root = path.resolve(import.meta.dirname, "../../..");

function runCli(stdin: string) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/stats.ts"], {
    cwd: root,
    input: stdin,
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// docs/statistics.md reference vector 1, through the CLI.
const request = {
  metric: "mean",
  method: "frequentist",
  alpha: 0.05,
  relative: true,
  correction: "holm",
  weights: [0.5, 0.5],
  control: { n: 3407, sum: 1396.87, sumSquares: 52377.9767 },
  variants: [{ name: "B", n: 3461, sum: 2422.7, sumSquares: 134698.29 }],
};

describe("npm run stats", () => {
  it("prints the library's report for a reference vector", () => {
    const { status, stdout, stderr } = runCli(JSON.stringify(request));
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const printed = JSON.parse(stdout);
    expect(printed).toEqual(analyze(statsRequestSchema.parse(request)));
    expect(printed.variants[0].pValue).toBeCloseTo(0.06191, 4);
  });

  it("exits 2 naming the invalid field", () => {
    const { status, stderr } = runCli(JSON.stringify({ ...request, correction: "bonferroni" }));
    expect(status).toBe(2);
    expect(stderr).toMatch(/^correction: /);
  });

  it("exits 2 on input that is not JSON", () => {
    const { status, stderr } = runCli("{ metric");
    expect(status).toBe(2);
    expect(stderr).toMatch(/^request: not valid JSON/);
  });
});
