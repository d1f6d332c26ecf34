// Journey throughput (issue 23 target: node transitions per second per worker ≥ the campaign send
// rate of the same run, sandbox provider).
//
//   DATABASE_URL=postgresql://…/tailor_send npx tsx bench/journeys.ts [--profiles 100000]
//
// One run, one worker (this process runs the worker's loops in turn): --profiles people send
// `bench_enter` at once (captured, then folded: the fold enters them), and a 4-node journey — entry →
// send push → update trait → exit — takes every one of them through; then the journey's messages
// are sent, then a plain push campaign to the same people. Prints entries/s of the fold, node
// transitions/s of the journey loop (JourneyStep rows written), and messages/s of both sends.
import { parseArgs } from "node:util";
import { loadEnvironment } from "../scripts/support/env-local";
import { getDb } from "@/lib/db/client";
import { runDueCampaigns } from "@/lib/delivery/scheduler";
import { sendBatches } from "@/lib/delivery/worker/delivery-round";
import { sendExperiments } from "@/lib/experiments/send-experiments";
import { advanceJourneys } from "@/lib/journeys/engine/advance-journeys";
import { createJourney } from "@/lib/journeys/engine/create-journey";
import { publishJourney } from "@/lib/journeys/engine/publish-journey";
import { captureCalls } from "@/lib/profiles/intake/capture-calls";
import { foldAll } from "@/lib/profiles/intake/fold-lane";
import { createSendWorkspace, launchPush, publishedPush } from "./support/send-world";

loadEnvironment(false);
const { values } = parseArgs({ options: { profiles: { type: "string", default: "100000" } } });
const profiles = Number(values.profiles);
const db = getDb();
const rate = (n: number, seconds: number) => `${Math.round(n / seconds).toLocaleString("en")}/s`;

const { workspaceId, actor } = await createSendWorkspace(`Journey bench ${new Date().toISOString()}`, profiles);
const templateId = await publishedPush(actor, "Bench push", {
  title: "Hi {{ profile.first_name | default: 'there' }}",
  body: "Your first week with us.",
});
const { id: journeyId } = await createJourney(actor, { name: "Bench journey" });
await publishJourney(actor, journeyId, {
  version: 1,
  nodes: [
    {
      id: "entry",
      kind: "entry",
      trigger: { type: "event", event: "bench_enter", where: [] },
      reentry: { type: "once" },
      exits: { next: "push" },
    },
    { id: "push", kind: "send", templateId, onSkip: "continue", exits: { next: "tag" } },
    { id: "tag", kind: "update_trait", key: "journey_bench", value: "done", exits: { next: "done" } },
    { id: "done", kind: "exit", exits: {} },
  ],
});

// 1. Entering: every profile's event captured, then folded (the fold enters them in the same transaction).
let started = performance.now();
for (let from = 0; from < profiles; from += 500) {
  const batch = Array.from({ length: Math.min(500, profiles - from) }, (_, k) => ({
    type: "track",
    userId: `user-${from + k}`,
    event: "bench_enter",
    messageId: `enter-${from + k}`,
  }));
  await captureCalls(workspaceId, batch);
}
const captureSeconds = (performance.now() - started) / 1000;
started = performance.now();
await foldAll();
const foldSeconds = (performance.now() - started) / 1000;
const entered = await db.journeyEntry.count({ where: { workspaceId, journeyId } });
console.log(
  `entered: ${entered.toLocaleString("en")} of ${profiles.toLocaleString("en")} (captured in ${captureSeconds.toFixed(1)} s, ` +
    `folded and entered in ${foldSeconds.toFixed(1)} s = ${rate(entered, foldSeconds)})`,
);

// 2. The journey loop: rounds until nobody is due.
started = performance.now();
for (;;) {
  const { claimed, failed } = await advanceJourneys();
  if (failed > 0) console.error(`${failed} entries failed to advance`);
  if (claimed === 0) break;
}
const advanceSeconds = (performance.now() - started) / 1000;
const [steps, exited] = await Promise.all([
  db.journeyStep.count({ where: { workspaceId } }),
  db.journeyEntry.count({ where: { workspaceId, journeyId, state: "exited" } }),
]);
console.log(
  `journey: ${steps.toLocaleString("en")} node transitions in ${advanceSeconds.toFixed(1)} s = ` +
    `${rate(steps, advanceSeconds)} per worker (${rate(exited, advanceSeconds)} entries through all 4 nodes); ` +
    `${exited.toLocaleString("en")} exited`,
);

// 3. The journey's messages, then a plain campaign to the same people, each sent by one worker.
async function send(label: string, campaignFilter: { journeyId: string } | { id: string }) {
  const start = performance.now();
  await sendBatches(1_000_000, sendExperiments);
  const seconds = (performance.now() - start) / 1000;
  const delivered = await db.message.count({
    where: { workspaceId, status: "delivered", campaign: campaignFilter },
  });
  console.log(
    `${label}: ${delivered.toLocaleString("en")} delivered in ${seconds.toFixed(1)} s = ${rate(delivered, seconds)}`,
  );
  return delivered / seconds;
}
const journeySends = await send("journey sends", { journeyId });
const campaignId = await launchPush(actor, "Bench campaign", templateId);
await runDueCampaigns();
const campaignSends = await send("campaign send", { id: campaignId });
console.log(
  `transitions / campaign send rate: ${(steps / advanceSeconds / campaignSends).toFixed(2)} ` +
    `(journey sends / campaign send rate ${(journeySends / campaignSends).toFixed(2)})`,
);
await db.$disconnect();
process.exit(0);
