// `npm run worker`: Tailor's background work. `npm run dev` / `npm start` run it beside Next.js; run
// more for scale (every job is safe to run in several workers at once): the delivery queue (every
// TAILOR_DELIVERY_POLL_MS while idle, back to back while busy), and the daily segment size
// snapshots and persona assumption checks, and the experiment readouts' statistics (every
// TAILOR_READOUT_POLL_MS: units whose events or exposures changed are counted again), and the
// intake fold (calls captured by /api/v1 stored as events: back to back while busy, every
// TAILOR_FOLD_POLL_MS while idle; intake partitions made ahead and dropped after the replay window),
// and the journeys (due entries run until they wait or exit: back to back while busy, at once after a
// fold round — its events enter journeys and release waits — and every TAILOR_JOURNEY_POLL_MS while idle).
import { getDb, withoutSessionLimits } from "@/lib/db/client";
import { backfillMessageRollups } from "@/lib/delivery/backfill-message-rollups";
import { deliveryRound } from "@/lib/delivery/worker/delivery-round";
import { sendExperiments } from "@/lib/experiments/send-experiments";
import { advanceJourneys } from "@/lib/journeys/engine/advance-journeys";
import { refreshPendingReadouts } from "@/lib/experiments/readout-statistics";
import { checkDuePersonas } from "@/lib/personas/check-due-personas";
import { dropFoldedPartitions } from "@/lib/profiles/intake/drop-folded-partitions";
import { ensurePartitions } from "@/lib/profiles/intake/ensure-partitions";
import { foldableLanes, foldLaneGuarded } from "@/lib/profiles/intake/fold-lane";
import { snapshotDueSegments } from "@/lib/segments/snapshot-due-segments";

// Backfills, audience enqueues and bulk loads run single statements for minutes by design: the web
// app's statement and idle-transaction timeouts (lib/db/client.ts) are not for this process.
withoutSessionLimits();

const EVERY_MS = Number(process.env.TAILOR_WORKER_INTERVAL_MS ?? 10 * 60_000);
// Triggered sends must leave within about a second of their event (issue: 1–2 s).
const DELIVERY_POLL_MS = Number(process.env.TAILOR_DELIVERY_POLL_MS ?? 200);
// A readout counts what is still dirty itself (up to a bound); the worker keeps that little.
const READOUT_POLL_MS = Number(process.env.TAILOR_READOUT_POLL_MS ?? 2_000);
// Captured calls become events, rollups and triggered sends within about this long while idle.
const FOLD_POLL_MS = Number(process.env.TAILOR_FOLD_POLL_MS ?? 150);
// Waits are whole minutes, so timers need no finer poll; entries and released waits come from the fold,
// which wakes the loop itself (its sends then go out with delivery's poll).
const JOURNEY_POLL_MS = Number(process.env.TAILOR_JOURNEY_POLL_MS ?? 1_000);
let wakeJourneys: (() => void) | null = null;
let stopping = false;
let wake: (() => void) | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    wake?.();
  });
}

async function deliveryLoop() {
  while (!stopping) {
    let busy = false;
    try {
      const { sent, started, finished } = await deliveryRound(sendExperiments);
      busy = sent > 0;
      if (started > 0 || finished > 0)
        console.log(`worker: delivery started ${started} occurrence(s), finished ${finished} campaign(s)`);
    } catch (error) {
      console.error("worker: delivery round failed:", (error as Error).message);
    }
    if (!busy) await new Promise((resolve) => setTimeout(resolve, DELIVERY_POLL_MS));
  }
}
// Message rollups a migration dropped to count them anew: rebuilt once from the events, before sending.
try {
  const backfilled = await backfillMessageRollups(new Date(), (line) => console.log(`worker: ${line}`));
  if (backfilled > 0)
    console.log(`worker: rebuilt the message rollups of ${backfilled} workspace(s) from their message events`);
} catch (error) {
  console.error("worker: message-rollup backfill failed:", (error as Error).message);
}
const delivery = deliveryLoop();

async function journeyLoop() {
  while (!stopping) {
    let busy = false;
    try {
      const { claimed, failed } = await advanceJourneys();
      busy = claimed > 0;
      if (failed > 0) console.error(`worker: ${failed} journey entr${failed === 1 ? "y" : "ies"} failed to advance`);
    } catch (error) {
      console.error("worker: journey round failed:", (error as Error).message);
    }
    if (!busy)
      await new Promise<void>((resolve) => {
        wakeJourneys = resolve;
        setTimeout(resolve, JOURNEY_POLL_MS);
      });
  }
}
const journeys = journeyLoop();

/** One fold round of a lane, its failures logged; whether it folded anything. */
async function foldOnce(lane: number, failures: Map<number, number>): Promise<boolean> {
  try {
    const { folded, refused, error, setAside } = await foldLaneGuarded(lane, failures);
    if (error) console.error(`worker: fold of lane ${lane} failed:`, error);
    if (setAside) console.error(`worker: lane ${lane} set call ${setAside} aside (tailor_intake.refused)`);
    else if (refused > 0) console.log(`worker: lane ${lane} refused ${refused} call(s) (tailor_intake.refused)`);
    // Its events may have entered journeys or released waits: due now.
    if (folded > 0) wakeJourneys?.();
    return folded > 0;
  } catch (error) {
    // The database may be starting or briefly gone (embedded restarts): try again next round.
    console.error(`worker: fold of lane ${lane} failed:`, (error as Error).message);
    return false;
  }
}

// Lanes fold side by side (a connection each), each back to back while it has calls: a busy
// workspace's backlog does not hold up the workspaces on other lanes, and a multi-tenant
// installation folds on more than one core. Idle lanes are found by a read-only poll (no lock, no xid).
async function foldLoop() {
  const failures = new Map<number, number>();
  const running = new Map<number, Promise<boolean>>();
  while (!stopping) {
    let lanes: number[] = [];
    try {
      lanes = await foldableLanes();
    } catch (error) {
      console.error("worker: looking for calls to fold failed:", (error as Error).message);
    }
    for (const lane of lanes) {
      if (running.has(lane)) continue;
      running.set(
        lane,
        foldOnce(lane, failures).finally(() => running.delete(lane)),
      );
    }
    // A round that folded something is followed at once; otherwise wait for the next poll.
    const folded = running.size > 0 ? await Promise.race(running.values()) : false;
    if (!folded) await new Promise((resolve) => setTimeout(resolve, FOLD_POLL_MS));
  }
  await Promise.all(running.values());
}
const folds = foldLoop();

async function readoutLoop() {
  while (!stopping) {
    try {
      await refreshPendingReadouts();
    } catch (error) {
      console.error("worker: readout statistics round failed:", (error as Error).message);
    }
    await new Promise((resolve) => setTimeout(resolve, READOUT_POLL_MS));
  }
}
const readouts = readoutLoop();

console.log(
  `worker: delivery every ${DELIVERY_POLL_MS} ms, journeys every ${JOURNEY_POLL_MS} ms and the intake fold ` +
    `every ${FOLD_POLL_MS} ms while idle; ` +
    `intake retention, segment snapshots and persona ` +
    `checks every ${Math.round(EVERY_MS / 1000)} s`,
);
while (!stopping) {
  try {
    // Tomorrow's partition before midnight; folded days past the replay window dropped whole.
    await ensurePartitions();
    const dropped = await dropFoldedPartitions();
    if (dropped.length > 0) console.log(`worker: dropped folded intake partition(s) ${dropped.join(", ")}`);
  } catch (error) {
    console.error("worker: intake retention failed:", (error as Error).message);
  }
  try {
    const taken = await snapshotDueSegments();
    if (taken > 0) console.log(`worker: recorded today's size of ${taken} segment(s)`);
    // After the snapshots: a persona's check reads the same audiences.
    const checked = await checkDuePersonas();
    if (checked > 0)
      console.log(`worker: computed the insights (distributions, shares, assumption checks) of ${checked} persona(s)`);
  } catch (error) {
    // The database may be starting or briefly gone (embedded restarts): try again next round.
    console.error("worker: snapshot round failed:", (error as Error).message);
  }
  await new Promise<void>((resolve) => {
    wake = resolve;
    setTimeout(resolve, EVERY_MS);
  });
}
await delivery;
await journeys;
await folds;
await readouts;
await getDb().$disconnect();
process.exit(0);
