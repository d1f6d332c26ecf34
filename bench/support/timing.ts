const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;

/**
 * Runs `run` `iterations` times (calling `before` untimed ahead of each, e.g. to clear a cache); its p50 and p95 in ms.
 */
export async function timeRuns(
  iterations: number,
  run: () => Promise<unknown>,
  before?: () => void,
): Promise<{ p50: number; p95: number }> {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    before?.();
    const started = performance.now();
    await run();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}
