// A preview render thread (render-pool.ts). Plain JavaScript so Node can start it from the source tree
// as it is, in development and production alike; tsx then loads the TypeScript it runs.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runPreviewJob } = await import("./preview-job.ts");

parentPort.on("message", async ({ id, job }) => {
  try {
    parentPort.postMessage({ id, result: await runPreviewJob(job) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
