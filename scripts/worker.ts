// `npm run worker`: Tailor's scheduled jobs. `npm run dev` / `npm start` run it beside Next.js; run
// more for scale (every job is safe to run in several workers at once). Today: the daily segment
// size snapshots and persona assumption checks. The delivery queue joins it in the campaigns issue.
import { getDb } from "@/lib/db";
import { checkDuePersonas } from "@/lib/personas";
import { snapshotDueSegments } from "@/lib/segments";

const EVERY_MS = Number(process.env.TAILOR_WORKER_INTERVAL_MS ?? 10 * 60_000);
let stopping = false;
let wake: (() => void) | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopping = true;
    wake?.();
  });
}

console.log(`worker: segment snapshots and persona checks every ${Math.round(EVERY_MS / 1000)} s`);
while (!stopping) {
  try {
    const taken = await snapshotDueSegments();
    if (taken > 0) console.log(`worker: recorded today's size of ${taken} segment(s)`);
    // After the snapshots: a persona's check reads the same audiences.
    const checked = await checkDuePersonas();
    if (checked > 0) console.log(`worker: checked the assumptions of ${checked} persona(s)`);
  } catch (error) {
    // The database may be starting or briefly gone (embedded restarts): try again next round.
    console.error("worker: snapshot round failed:", (error as Error).message);
  }
  await new Promise<void>((resolve) => {
    wake = resolve;
    setTimeout(resolve, EVERY_MS);
  });
}
await getDb().$disconnect();
process.exit(0);
