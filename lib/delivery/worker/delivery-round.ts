import { finishCampaigns, runDueCampaigns } from "../scheduler";
import { claimMessages } from "./claim";
import type { SendExperiments } from "./experiment-port";
import { processBatch } from "./process-batch";

export const BATCH_SIZE = Number(process.env.TAILOR_SEND_BATCH ?? 1000);
// Long enough for a slow provider batch; a worker killed mid-batch hands its messages on after it.
export const LEASE_MS = Number(process.env.TAILOR_SEND_LEASE_MS ?? 60_000);

/** Claims and sends one batch; returns how many messages it handled (0 when nothing is due). */
export async function sendOneBatch(experiments: SendExperiments, now = new Date()): Promise<number> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const batch = await claimMessages(BATCH_SIZE, leaseUntil, now);
  if (batch.length === 0) return 0;
  await processBatch(batch, leaseUntil, experiments, now);
  return batch.length;
}

// Batches one worker keeps in flight: while one waits on the database, the other renders. Claims
// skip each other's rows, so lanes are as safe as separate workers.
export const LANES = Number(process.env.TAILOR_SEND_LANES ?? 2);

/** Sends batches in LANES concurrent lanes until nothing is due or `maxBatches` each; returns how many messages. */
export async function sendBatches(maxBatches: number, experiments: SendExperiments): Promise<number> {
  const lane = async () => {
    let sent = 0;
    for (let i = 0; i < maxBatches; i++) {
      const handled = await sendOneBatch(experiments);
      sent += handled;
      if (handled < BATCH_SIZE) break;
    }
    return sent;
  };
  const sent = await Promise.all(Array.from({ length: LANES }, lane));
  return sent.reduce((a, b) => a + b, 0);
}

/**
 * One round of delivery: start due occurrences, send batches until nothing is due (or `maxBatches`),
 * then close finished campaigns. Safe in several workers at once.
 */
export async function deliveryRound(
  experiments: SendExperiments,
  options: { maxBatches?: number } = {},
): Promise<{ started: number; sent: number; finished: number }> {
  const started = await runDueCampaigns();
  const sent = await sendBatches(options.maxBatches ?? 20, experiments);
  const finished = await finishCampaigns();
  return { started, sent, finished };
}

/** Until nothing is left to do: what tests and scripts call to send a campaign through. */
export async function drainDelivery(experiments: SendExperiments): Promise<number> {
  let total = 0;
  for (;;) {
    const { started, sent, finished } = await deliveryRound(experiments, { maxBatches: 1000 });
    total += sent;
    if (started === 0 && sent === 0 && finished === 0) return total;
  }
}
