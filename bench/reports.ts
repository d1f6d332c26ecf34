// Report latency on the demo population (issue 9 targets on 1M profiles / 10M events, PostgreSQL:
// overview 90 days and campaign report p95 ≤ 300 ms cold; weekly retention grid of 12 cohorts and
// a 4-step funnel over 30 days p95 ≤ 1 s cold).
//
//   npm run bench:reports -- [--database postgresql://…] [--iterations 10]
//   npx tsx bench/reports.ts --database postgresql://postgres@127.0.0.1:5432/tailor_bench_reports
//
// "Cold" clears the report cache before every run (the database's own buffers stay warm, as on a
// live server); "warm" answers from the cache (one data-version lookup). In the same run a plain
// count(*) over "Event" gives the machine's baseline.
import { parseArgs } from "node:util";
import { timeRuns } from "./support/timing";

const { values } = parseArgs({
  options: { database: { type: "string" }, iterations: { type: "string", default: "10" } },
});
if (values.database) process.env.DATABASE_URL = values.database;
const iterations = Number(values.iterations);

const { getDb } = await import("@/lib/db/client");
const analytics = {
  ...(await import("@/lib/analytics/get-overview")),
  ...(await import("@/lib/analytics/get-campaign-report")),
  ...(await import("@/lib/analytics/get-retention")),
  ...(await import("@/lib/analytics/get-funnel")),
  ...(await import("@/lib/analytics/cache")),
  ...(await import("@/lib/analytics/schema")),
};
const db = getDb();
const workspace = await db.workspace.findFirst({ where: { isDemo: true }, select: { id: true } });
if (!workspace) throw new Error("No demo workspace: run `npm run seed -- --profiles 1000000 --events 10000000` first.");
const workspaceId = workspace.id;

const events =
  (
    await db.$queryRawUnsafe<{ events: number }[]>(
      `SELECT count(*)::float8 AS events FROM "Event" WHERE "workspaceId" = $1`,
      workspaceId,
    )
  )[0]?.events ?? 0;
const profiles = await db.profile.count({ where: { workspaceId } });
const campaign = await db.campaign.findFirst({
  where: { workspaceId },
  orderBy: { launchedAt: "asc" },
  select: { id: true, name: true },
});
if (!campaign) throw new Error("The demo workspace has no campaigns.");

const time = (run: () => Promise<unknown>, before?: () => void) => timeRuns(iterations, run, before);

const REPORTS: Record<string, () => Promise<unknown>> = {
  "overview, 90 days (vs previous 90)": () =>
    analytics.getOverview(workspaceId, analytics.overviewQuerySchema.parse({ range: "90d" })),
  [`campaign report (${campaign.name})`]: () => analytics.getCampaignReport(workspaceId, campaign.id),
  "retention, weekly, 12 cohorts (first app_open → any activity)": () =>
    analytics.getRetention(
      workspaceId,
      analytics.retentionQuerySchema.parse({ cohortEvent: "app_open", period: "week", cohorts: 12, periods: 12 }),
    ),
  "funnel, 4 steps, 30 days, 7-day window": () =>
    analytics.getFunnel(
      workspaceId,
      analytics.funnelQuerySchema.parse({
        range: "30d",
        steps: "product_view,add_to_cart,checkout_start,purchase",
        windowHours: 168,
      }),
    ),
};

console.log(
  `Reports on ${profiles.toLocaleString("en")} profiles / ${events.toLocaleString("en")} ` +
    `events, ${iterations} runs each (ms)`,
);
const baseline = await time(() => db.$queryRawUnsafe(`SELECT count(*) FROM "Event"`));
console.log(`baseline count(*) over Event: p50 ${baseline.p50.toFixed(0)}  p95 ${baseline.p95.toFixed(0)}`);
for (const [name, run] of Object.entries(REPORTS)) {
  await run(); // plans and buffers, once
  const cold = await time(run, analytics.clearReportCache);
  const warm = await time(run);
  console.log(
    `${name}: cold p50 ${cold.p50.toFixed(0)}  p95 ${cold.p95.toFixed(0)} | warm p50 ` +
      `${warm.p50.toFixed(1)}  p95 ${warm.p95.toFixed(1)}`,
  );
}
process.exit(0);
