// Experiment readout latency on the demo population (issue 19: GET /api/experiments/:id/readout
// p95 ≤ 1 s cold at 1M profiles / 850k exposures).
//
//   DATABASE_URL=postgresql://… npx tsx bench/readout.ts [--iterations 10]
//
// First builds the statistics of experiments that have none (the one-time backfill after the
// migration, what the worker does), then times for every demo experiment what the readout route
// calls (getReadout, breakdowns only if cached), and each breakdown tab cold (cache cleared) and
// cached; in the same run a plain count(*) over "Event" as the machine's baseline.
import { parseArgs } from "node:util";
import { timeRuns } from "./support/timing";

const { values } = parseArgs({
  options: { database: { type: "string" }, iterations: { type: "string", default: "10" } },
});
if (values.database) process.env.DATABASE_URL = values.database;
const iterations = Number(values.iterations);

const { getDb } = await import("@/lib/db/client");
const { getReadout, readoutBreakdown } = await import("@/lib/experiments/get-readout");
const { getExperiment } = await import("@/lib/experiments/get-experiment");
const { clearBreakdownCache } = await import("@/lib/experiments/breakdown-cache");
const { refreshPendingReadouts } = await import("@/lib/experiments/readout-statistics");
const db = getDb();
const workspace = await db.workspace.findFirst({ where: { isDemo: true }, select: { id: true } });
if (!workspace) throw new Error("No demo workspace: run `npm run seed -- --profiles 200000 --events 2000000` first.");
const workspaceId = workspace.id;

const events =
  (
    await db.$queryRawUnsafe<{ events: number }[]>(
      `SELECT count(*)::float8 AS events FROM "Event" WHERE "workspaceId" = $1`,
      workspaceId,
    )
  )[0]?.events ?? 0;
const profiles = await db.profile.count({ where: { workspaceId } });
const experiments = await db.experiment.findMany({
  where: { workspaceId },
  select: { id: true, name: true },
  orderBy: { createdAt: "asc" },
});

async function time(run: () => Promise<unknown>, before?: () => void) {
  const { p50, p95 } = await timeRuns(iterations, run, before);
  return `p50 ${p50.toFixed(0)}  p95 ${p95.toFixed(0)}`;
}

console.log(
  `Experiment readouts on ${profiles.toLocaleString("en")} profiles / ` +
    `${events.toLocaleString("en")} events, ${iterations} runs each (ms)`,
);
console.log(
  `baseline select count(*) from "Event": ${await time(() => db.$queryRawUnsafe(`SELECT count(*) FROM "Event"`))}`,
);
const backfillStarted = performance.now();
const built = await refreshPendingReadouts();
console.log(
  `statistics built or drained for ${built} experiment(s) in ` +
    `${((performance.now() - backfillStarted) / 1000).toFixed(1)} s (the one-time backfill)`,
);
for (const e of experiments) {
  const exposures = await db.exposure.count({ where: { workspaceId, experimentId: e.id } });
  console.log(`${e.name} (${exposures.toLocaleString("en")} exposures)`);
  console.log(
    `  readout route (getReadout, breakdowns if cached), cold: ` +
      `${await time(() => getReadout(workspaceId, e.id, { breakdowns: "cached" }), clearBreakdownCache)}`,
  );
  const detail = await getExperiment(workspaceId, e.id);
  for (const kind of ["persona", "segment"] as const) {
    console.log(
      `  breakdown by ${kind}: cold ` +
        `${await time(() => readoutBreakdown(workspaceId, detail, kind), clearBreakdownCache)} | ` +
        `cached ${await time(() => readoutBreakdown(workspaceId, detail, kind))}`,
    );
  }
}
process.exit(0);
