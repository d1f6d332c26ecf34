import { spawn, type ChildProcess } from "node:child_process";
import { handleBatchRequest } from "@/lib/profiles/ingest/http";
import { sleep, waitForOutput } from "./processes";

const BATCH = 100;

/**
 * Sends `count` calls (`call(i)` the i-th) through the batch API's handler, 100 a request, paced at
 * `rate` calls/s; seconds taken.
 */
export async function postPaced(key: string, count: number, rate: number, call: (i: number) => object) {
  const started = performance.now();
  for (let sent = 0; sent < count; sent += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - sent) }, (_, i) => call(sent + i));
    const response = await handleBatchRequest(
      new Request("http://localhost/api/v1/batch", {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify({ batch }),
      }),
    );
    if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
    const due = started + ((sent + BATCH) / rate) * 1000;
    if (due > performance.now()) await sleep(due - performance.now());
  }
  return (performance.now() - started) / 1000;
}

/**
 * A worker in its own process, as `npm run worker` runs it, once it folds: its start-up (imports,
 * the message-rollup check) is not latency, so a bench's clock starts after this.
 */
export async function startFoldingWorker(): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, TAILOR_WORKER_INTERVAL_MS: "3600000" },
    stdio: ["ignore", "pipe", "ignore"],
  });
  await waitForOutput(worker, "worker: delivery every");
  worker.stdout.resume();
  return worker;
}
