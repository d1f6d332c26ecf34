import { Worker } from "node:worker_threads";
import path from "node:path";
import { AppError } from "@/lib/http/errors";
import type { PreviewJob, PreviewJobResult } from "./preview-job";

/*
 * Previews render whatever an author types, so their Liquid and MJML run on a small pool of worker
 * threads, never on the thread that serves requests: a heavy template costs its author time, not
 * everyone else's pages. Each job has a time budget; a thread over it is terminated (Liquid's own
 * renderLimit is per render call, and a preview makes several) and replaced on the next job. The
 * queue is bounded: a full pool answers 503 at once rather than piling up work.
 */
export const PREVIEW_BUDGET_MS = 3_000;
const POOL_SIZE = 2;
const MAX_QUEUED = 8;
// Started by Node from the source tree (the server runs from it), not bundled: the bundler would
// follow the path into tsx's loader, which only Node itself can run.
const WORKER_FILE = [process.cwd(), "lib", "templates", "preview-worker.mjs"].join(path.sep);

type Task = { job: PreviewJob; budgetMs: number; resolve: (r: PreviewJobResult) => void; reject: (e: unknown) => void };
type Slot = { worker: Worker; ready: Promise<void>; busy: boolean };

const slots: Slot[] = [];
const queue: Task[] = [];
let nextId = 0;

function spawn(): Slot {
  const worker = new Worker(/* turbopackIgnore: true */ /* webpackIgnore: true */ WORKER_FILE);
  // A thread waiting for work must not keep a script (or a test run) alive.
  worker.unref();
  const ready = new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
  });
  const slot: Slot = { worker, ready, busy: false };
  worker.on("exit", () => retire(slot));
  slots.push(slot);
  return slot;
}

/** Out of the pool at once (a thread being terminated must not take the next job), then gone. */
function retire(slot: Slot) {
  const i = slots.indexOf(slot);
  if (i >= 0) slots.splice(i, 1);
  void slot.worker.terminate();
}

function run(slot: Slot, task: Task) {
  slot.busy = true;
  const id = nextId++;
  let timer: NodeJS.Timeout | undefined;
  const finish = () => {
    clearTimeout(timer);
    slot.worker.off("message", onMessage);
    slot.worker.off("error", onError);
    slot.busy = false;
    drain();
  };
  const onMessage = (message: { id?: number; result?: PreviewJobResult; error?: string }) => {
    if (message.id !== id) return;
    finish();
    if (message.error !== undefined) task.reject(new Error(message.error));
    else task.resolve(message.result!);
  };
  const onError = (error: unknown) => {
    retire(slot);
    finish();
    task.reject(error);
  };
  slot.worker.on("message", onMessage);
  slot.worker.on("error", onError);
  slot.ready
    .then(() => {
      // The budget counts rendering, not the thread's start-up.
      timer = setTimeout(() => {
        retire(slot);
        finish();
        task.reject(
          new AppError(
            422,
            "preview_too_slow",
            `The preview took longer than ${PREVIEW_BUDGET_MS / 1000} s to render: a loop or filter ` +
              `chain in the content is too heavy. Make it smaller; sends stop such a render too.`,
            "content",
          ),
        );
      }, task.budgetMs);
      slot.worker.postMessage({ id, job: task.job });
    })
    .catch(onError);
}

function drain() {
  while (queue.length > 0) {
    const slot = slots.find((s) => !s.busy) ?? (slots.length < POOL_SIZE ? spawn() : null);
    if (!slot) return;
    run(slot, queue.shift()!);
  }
}

/**
 * Runs a preview's rendering and linting on the pool, within `budgetMs` once a thread takes it. A
 * job whose request went away while it waited (the editor asks again after each pause in typing)
 * leaves the queue unrendered.
 */
export function renderInPool(
  job: PreviewJob,
  options: { budgetMs?: number; signal?: AbortSignal } = {},
): Promise<PreviewJobResult> {
  if (queue.length >= MAX_QUEUED) {
    return Promise.reject(
      new AppError(503, "previews_busy", "Previews are busy right now. Try again in a moment.", undefined, {
        "Retry-After": "2",
      }),
    );
  }
  return new Promise<PreviewJobResult>((resolve, reject) => {
    const task: Task = { job, budgetMs: options.budgetMs ?? PREVIEW_BUDGET_MS, resolve, reject };
    options.signal?.addEventListener("abort", () => {
      const i = queue.indexOf(task);
      if (i >= 0) {
        queue.splice(i, 1);
        const reason: unknown = options.signal!.reason;
        reject(reason instanceof Error ? reason : new Error("The preview was cancelled."));
      }
    });
    queue.push(task);
    drain();
  });
}
