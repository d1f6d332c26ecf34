/**
 * Identical reads that arrive while one is already computing wait for it instead of starting
 * their own: four analysts opening the same report or previewing the same definition cost one
 * query, not four racing for two cores. A joiner gets an answer computed from data at most one
 * computation old — the same it would get had it arrived a moment earlier. Errors reach every
 * waiter and are not remembered. Per server process, like the report cache.
 */
const inFlight: Map<string, Promise<unknown>> = ((
  globalThis as { __tailorInFlight?: Map<string, Promise<unknown>> }
).__tailorInFlight ??= new Map<string, Promise<unknown>>());

export async function singleflight<T>(key: string, run: () => Promise<T>): Promise<{ value: T; joined: boolean }> {
  const running = inFlight.get(key) as Promise<T> | undefined;
  if (running) return { value: await running, joined: true };
  const started = run();
  inFlight.set(key, started);
  try {
    return { value: await started, joined: false };
  } finally {
    inFlight.delete(key);
  }
}
