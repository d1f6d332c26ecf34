// Crash test of the journey runner (issue 23): --profiles people (default 100,000) enter a journey
// with sends, a wait and a random split with a holdout; the worker (`scripts/worker.ts`, as
// `npm run worker` runs it, in its own process group) runs the journey while they enter it, is
// killed with `kill -9` --kills times (default 3) at set points of the run and started again each
// time. Then, from the database:
//   - no (entry, step) recorded twice, and no Message twice for one entry's send step;
//   - no step lost: every entry's steps are one path of the graph from its entry step, without a
//     gap, ending where the entry stands; every queued send step has its Message;
//   - every profile entered once and every entry exited exactly once (one step without a way out,
//     at the step the entry exited at).
//
//   DATABASE_URL=postgresql://…/tailor_jbench npx tsx bench/journeys-crash.ts [--profiles 100000] [--kills 3]
//
// Exits 1 unless every check holds. The worker's output goes to reports/journeys-crash-worker.log.
import { type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadEnvironment } from "../scripts/support/env-local";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { createJourney } from "@/lib/journeys/engine/create-journey";
import { publishJourney } from "@/lib/journeys/engine/publish-journey";
import { nodesById } from "@/lib/journeys/graph";
import type { JourneyDefinitionInput } from "@/lib/journeys/schema";
import { enterJourneys } from "@/lib/journeys/engine/enter-journeys";
import { kill9, ROOT, sleep, startWorker, stopGroup, waitForOutput } from "./support/processes";
import { createSendWorkspace, publishedPush } from "./support/send-world";

loadEnvironment(false);
const { values } = parseArgs({
  options: { profiles: { type: "string", default: "100000" }, kills: { type: "string", default: "3" } },
});
const profiles = Number(values.profiles);
const kills = Number(values.kills);
const db = getDb();

const { workspaceId, actor } = await createSendWorkspace(`Journey crash ${new Date().toISOString()}`, profiles);
const templateId = await publishedPush(actor, "Crash push", { title: "Hi", body: "Journey crash test." });
const { id: journeyId } = await createJourney(actor, { name: "Crash journey" });
const definition: JourneyDefinitionInput = {
  version: 1,
  nodes: [
    {
      id: "entry",
      kind: "entry",
      trigger: { type: "event", event: "crash_enter", where: [] },
      reentry: { type: "once" },
      exits: { next: "welcome" },
    },
    { id: "welcome", kind: "send", templateId, onSkip: "continue", exits: { next: "wait" } },
    { id: "wait", kind: "wait", wait: { type: "duration", minutes: 1 }, exits: { next: "draw" } },
    {
      id: "draw",
      kind: "split",
      split: {
        type: "random",
        arms: [
          { name: "a", percent: 50 },
          { name: "b", percent: 50 },
        ],
        holdoutPercent: 10,
      },
      exits: { a: "nudge", b: "tag" },
    },
    { id: "nudge", kind: "send", templateId, onSkip: "continue", exits: { next: "done-a" } },
    { id: "done-a", kind: "exit", exits: {} },
    { id: "tag", kind: "update_trait", key: "crash_arm", value: "b", exits: { next: "done-b" } },
    { id: "done-b", kind: "exit", exits: {} },
  ],
};
const { versionId } = await publishJourney(actor, journeyId, definition);
// Per entry: entry, welcome, wait, draw, then two more (nudge or tag, and an exit) unless held out.
const expectedSteps = profiles * (4 + 0.9 * 2);
console.log(`journey crash test: ${profiles.toLocaleString("en")} profiles to enter, ≈ ${expectedSteps} steps to run`);

const countSteps = async () =>
  Number(
    (
      await db.$queryRaw<{ n: bigint }[]>(
        Prisma.sql`SELECT count(*) AS n FROM "JourneyStep" WHERE "workspaceId" = ${workspaceId}`,
      )
    )[0]!.n,
  );
const open = () => db.journeyEntry.count({ where: { workspaceId, journeyId, state: { in: ["active", "waiting"] } } });

// A short lease, so what a killed worker held comes back within seconds.
const env = { ...process.env, TAILOR_JOURNEY_LEASE_MS: "5000", TAILOR_SEND_LEASE_MS: "5000" };
mkdirSync(path.join(ROOT, "reports"), { recursive: true });
const log = createWriteStream(path.join(ROOT, "reports", "journeys-crash-worker.log"), { flags: "a" });
const start = async () => {
  const child = startWorker(env, log);
  await waitForOutput(child, "worker:");
  return child;
};
const started = performance.now();
let worker: ChildProcess = await start();
// Entered as the fold enters them (enterJourneys in the transaction that stores their events), here
// without the fold: its cursor waits for every older transaction on the server, and this machine's
// PostgreSQL is shared with long-running loads. The worker runs the first ones meanwhile.
for (let from = 0; from < profiles; from += 1000) {
  const events = Array.from({ length: Math.min(1000, profiles - from) }, (_, k) => ({
    profileId: `bp${from + k}`,
    name: "crash_enter",
    occurredAt: new Date(),
    messageId: `crash-${from + k}`,
    properties: {},
  }));
  await db.$transaction((tx) => enterJourneys(tx, workspaceId, events));
}
console.log(`entered ${profiles.toLocaleString("en")} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
// Before the wait (the first 2 of ≈ 5.8 steps an entry runs), then twice after it.
for (let k = 1; k <= kills; k++) {
  const target = expectedSteps * (0.1 + (0.6 * k) / (kills + 1));
  while ((await countSteps()) < target) await sleep(100);
  await kill9(worker);
  console.log(`kill -9 #${k} at ${(await countSteps()).toLocaleString("en")} steps`);
  worker = await start();
}
const deadline = Date.now() + 30 * 60_000;
while (
  Date.now() < deadline &&
  ((await db.journeyEntry.count({ where: { workspaceId } })) < profiles || (await open()) > 0)
)
  await sleep(1000);
await stopGroup(worker);
log.end();
console.log(`journeys run through in ${((performance.now() - started) / 1000).toFixed(0)} s with ${kills} kills`);

// The checks, from the database — with statistics first: this machine's PostgreSQL runs without
// autovacuum, and the anti-join below took a minute on tables it had last seen nearly empty.
await db.$executeRaw`ANALYZE "JourneyEntry", "JourneyStep", "Message"`;
const scalar = async (sql: Prisma.Sql) => Number((await db.$queryRaw<{ n: bigint }[]>(sql))[0]!.n);
const duplicateSteps = await scalar(Prisma.sql`
  SELECT count(*) AS n FROM (SELECT 1 FROM "JourneyStep" WHERE "workspaceId" = ${workspaceId}
    GROUP BY "entryId", "nodeId" HAVING count(*) > 1) d`);
const duplicateMessages = await scalar(Prisma.sql`
  SELECT count(*) AS n FROM (SELECT 1 FROM "Message" m JOIN "Campaign" c ON c."workspaceId" = m."workspaceId"
    AND c."id" = m."campaignId" WHERE m."workspaceId" = ${workspaceId} AND c."journeyId" = ${journeyId}
    GROUP BY m."campaignId", m."occurrence" HAVING count(*) > 1) d`);
const lostMessages = await scalar(Prisma.sql`
  SELECT count(*) AS n FROM "JourneyStep" s WHERE s."workspaceId" = ${workspaceId} AND s."outcome" = 'queued'
    AND NOT EXISTS (SELECT 1 FROM "Message" m WHERE m."workspaceId" = s."workspaceId" AND m."id" = s."messageId")`);
const messages = await scalar(Prisma.sql`
  SELECT count(*) AS n FROM "Message" m JOIN "Campaign" c ON c."workspaceId" = m."workspaceId"
    AND c."id" = m."campaignId" WHERE m."workspaceId" = ${workspaceId} AND c."journeyId" = ${journeyId}`);
const entries = await db.journeyEntry.count({ where: { workspaceId, journeyId } });
const profilesEntered = await scalar(Prisma.sql`
  SELECT count(DISTINCT "profileId") AS n FROM "JourneyEntry" WHERE "workspaceId" = ${workspaceId}`);

// Every entry's steps walked from its entry step: one path, no gap, ending in its one exit.
const byId = nodesById(
  (
    await db.journeyVersion.findUniqueOrThrow({
      where: { workspaceId_id: { workspaceId, id: versionId } },
    })
  ).definition as never,
);
let badPaths = 0;
let exitedOnce = 0;
const exits = new Map<string, number>();
let after = "";
for (;;) {
  const page = await db.journeyEntry.findMany({
    where: { workspaceId, journeyId, id: { gt: after } },
    orderBy: { id: "asc" },
    take: 10_000,
    select: { id: true, nodeId: true, state: true, exitReason: true, exitedAt: true },
  });
  if (page.length === 0) break;
  after = page.at(-1)!.id;
  const steps = await db.journeyStep.findMany({
    where: { workspaceId, entryId: { in: page.map((e) => e.id) } },
    select: { entryId: true, nodeId: true, exit: true },
  });
  const stepsOf = new Map<string, Map<string, string | null>>();
  for (const s of steps) {
    const mine = stepsOf.get(s.entryId) ?? new Map<string, string | null>();
    mine.set(s.nodeId, s.exit);
    stepsOf.set(s.entryId, mine);
  }
  for (const entry of page) {
    const mine = stepsOf.get(entry.id) ?? new Map<string, string | null>();
    let at: string | undefined = "entry";
    let walked = 0;
    let end: string | null = null;
    while (at !== undefined && mine.has(at)) {
      walked++;
      const exit: string | null = mine.get(at)!;
      if (exit === null) {
        end = at;
        break;
      }
      at = byId.get(at)?.exits[exit];
    }
    const terminal = [...mine.values()].filter((exit) => exit === null).length;
    if (walked !== mine.size || end === null || end !== entry.nodeId) badPaths++;
    if (entry.state === "exited" && entry.exitedAt && terminal === 1) exitedOnce++;
    exits.set(entry.exitReason ?? "none", (exits.get(entry.exitReason ?? "none") ?? 0) + 1);
  }
}
const steps = await countSteps();
console.log(
  `entries ${entries} (profiles entered ${profilesEntered} of ${profiles}) / steps ${steps} / messages ${messages} / ` +
    `duplicate steps ${duplicateSteps} / duplicate messages ${duplicateMessages} / queued steps without a message ` +
    `${lostMessages} / paths with a gap or a wrong end ${badPaths} / exited exactly once ${exitedOnce}; exits: ` +
    [...exits].map(([reason, n]) => `${reason} ${n}`).join(", "),
);
await db.$disconnect();
const ok =
  entries === profiles &&
  profilesEntered === profiles &&
  duplicateSteps === 0 &&
  duplicateMessages === 0 &&
  lostMessages === 0 &&
  badPaths === 0 &&
  exitedOnce === profiles;
process.exit(ok ? 0 : 1);
