// `npm run seed -- [--profiles 5000] [--events 200000] [--seed 42]`: the demo workspace and its
// population, only into a database without one (DATABASE_URL).
import { parseArgs } from "node:util";
import { getDb, withoutSessionLimits } from "@/lib/db/client";
import { seedDemoWorkspace, demoWorkspaceId } from "@/lib/demo/seed-demo-workspace";
import { rebuildMessageDaily } from "@/lib/delivery/message-daily";
import { seedDemoCampaigns } from "@/lib/demo/seed-demo-campaigns";
import { seedDemoExperiments } from "@/lib/demo/seed-demo-experiments";
import { JOURNEY_HISTORY_DAYS, JOURNEY_HISTORY_PROFILES, seedDemoJourneys } from "@/lib/demo/seed-demo-journeys";
import { seedDemoPersonas } from "@/lib/demo/seed-demo-personas";
import { seedDemoSegments } from "@/lib/demo/seed-demo-segments";
import { seedDemoTemplates } from "@/lib/demo/seed-demo-templates";
import { loadPopulation } from "@/lib/demo/population/load-population";
import { seconds, timeToGo } from "@/lib/progress";

// Backfills, audience enqueues and bulk loads run single statements for minutes by design: the web
// app's statement and idle-transaction timeouts (lib/db/client.ts) are not for this process.
withoutSessionLimits();

// Written in bulk (or rewritten many times) by the demo history: segments, personas, campaigns, experiments.
const DEMO_HISTORY_TABLES = [
  "CampaignRecipient",
  "CampaignLinkClicker",
  "MessageDaily",
  "Exposure",
  "ExperimentUnitValue",
  "ExperimentDailyStat",
  "ExperimentDirtyUnit",
  "Segment",
  "PersonaInsight",
  "JourneyEntry",
  "JourneyStep",
] as const;

const { values } = parseArgs({
  options: {
    profiles: { type: "string", default: process.env.TAILOR_DEMO_PROFILES ?? "5000" },
    events: { type: "string", default: process.env.TAILOR_DEMO_EVENTS ?? "200000" },
    seed: { type: "string", default: "42" },
  },
});
const profiles = Number(values.profiles);
const events = Number(values.events);
const seed = Number(values.seed);
if (![profiles, events, seed].every((n) => Number.isInteger(n) && n >= 0)) {
  console.error("--profiles, --events and --seed take whole numbers.");
  process.exit(2);
}

const started = Date.now();
const seeded = await seedDemoWorkspace();
console.log(
  seeded
    ? `Seeded the demo workspace in ${Date.now() - started} ms.`
    : "The database already has a workspace: no demo users added.",
);
const workspaceId = await demoWorkspaceId();
if (workspaceId && profiles > 0 && (await getDb().profile.count({ where: { workspaceId } })) === 0) {
  let reported = 0;
  const loadStarted = Date.now();
  const report = await loadPopulation(
    workspaceId,
    { profiles, eventsPerProfile: events / Math.max(profiles, 1), seed, now: new Date() },
    (done, total) => {
      // About twenty progress lines whatever the size.
      if (done < total && done - reported < total / 20) return;
      reported = done;
      const elapsed = Date.now() - loadStarted;
      const rate = done / Math.max(elapsed / 1000, 0.001);
      const togo = done < total ? `, about ${timeToGo(elapsed, done / total)} to go` : ` in ${seconds(elapsed)}`;
      console.log(
        `demo population: ${done.toLocaleString("en")}/${total.toLocaleString("en")} profiles with ` +
          `their events loaded, ${Math.round(rate).toLocaleString("en")} profiles/s${togo}`,
      );
    },
    {},
    (line) => console.log(`demo population: ${line}`),
  );
  const rows = report.profiles + report.events;
  console.log(
    `Demo population: ${report.profiles} profiles, ${report.events} events in ${report.seconds.toFixed(1)} s ` +
      `(${Math.round(rows / report.seconds)} rows/s overall; ` +
      `${report.method === "copy" ? "COPY" : "unnest inserts"} ${report.loadSeconds.toFixed(1)} s ` +
      `= ` +
      `${Math.round(rows / report.loadSeconds)} rows/s; rollups and computed traits took ` +
      `${report.deriveSeconds.toFixed(1)} s).`,
  );
}
// Segments once the population is there, so their first sizes mean something.
if (workspaceId && profiles > 0) {
  const created = await seedDemoSegments(workspaceId);
  if (created > 0) console.log(`Demo segments: ${created} saved with their first size snapshots.`);
  const personas = await seedDemoPersonas(workspaceId, (line) => console.log(`Demo personas: ${line}`));
  if (personas > 0) console.log(`Demo personas: ${personas} written up, bound to segments, with assumptions to check.`);
  const templates = await seedDemoTemplates(workspaceId);
  if (templates > 0)
    console.log(
      `Demo templates: ${templates} (e-mail, SMS, push, a push sent on add_to_cart), each with a ` +
        `published v1 and a draft.`,
    );
  const campaigns = await seedDemoCampaigns(workspaceId);
  if (campaigns > 0) {
    const since = Date.now();
    console.log(`Demo campaigns: ${campaigns} past sends; counting their message events into the report rollups…`);
    const rows = await rebuildMessageDaily(workspaceId, new Date(), {
      report: (line) => console.log(`Demo campaigns: ${line}`),
    });
    console.log(`Demo campaigns: ${rows} MessageDaily rows in ${((Date.now() - since) / 1000).toFixed(0)} s.`);
  }
  const since = Date.now();
  const experiments = await seedDemoExperiments(workspaceId);
  if (experiments > 0)
    console.log(
      `Demo experiments: ${experiments} A/B tests with their exposures (one with a sample-ratio ` +
        `mismatch), in ${((Date.now() - since) / 1000).toFixed(0)} s.`,
    );
  const journeysStarted = Date.now();
  const entries = await seedDemoJourneys(workspaceId, seed);
  if (entries > 0)
    console.log(
      `Demo journeys: welcome series, cart recovery and win-back live for ${JOURNEY_HISTORY_DAYS} days, ` +
        `${entries} entries replayed over the first ${JOURNEY_HISTORY_PROFILES} profiles' events, in ` +
        `${((Date.now() - journeysStarted) / 1000).toFixed(1)} s.`,
    );
  // The history's bulk writes, vacuumed like the population's rollups: counts and reports read them
  // index-only from the first request (autovacuum may be off, or not have come round yet).
  const vacuumStarted = Date.now();
  for (const table of DEMO_HISTORY_TABLES) await getDb().$executeRawUnsafe(`VACUUM (ANALYZE) "${table}"`);
  console.log(
    `Demo history: ${DEMO_HISTORY_TABLES.length} tables vacuumed in ` +
      `${((Date.now() - vacuumStarted) / 1000).toFixed(0)} s.`,
  );
}
await getDb().$disconnect();
process.exit(0);
