import { AppError } from "@/lib/http/errors";
import { TokenBuckets, type TokenBucketConfig } from "./token-bucket";

export const DEFAULT_INGEST_RATE_PER_SECOND = 500;

/**
 * TAILOR_INGEST_RATE_LIMIT: requests per second per API key (default 500; 0 turns limiting off).
 * TAILOR_INGEST_RATE_BURST: requests a key may send at once after a quiet spell (default twice the rate).
 * Read on every call, so a test (or an operator's restart) sees the current values.
 */
export function ingestRateConfig(env: NodeJS.ProcessEnv = process.env): TokenBucketConfig | null {
  const rate = env.TAILOR_INGEST_RATE_LIMIT ? Number(env.TAILOR_INGEST_RATE_LIMIT) : DEFAULT_INGEST_RATE_PER_SECOND;
  if (!Number.isFinite(rate) || rate <= 0) return null;
  const burst = env.TAILOR_INGEST_RATE_BURST ? Number(env.TAILOR_INGEST_RATE_BURST) : 2 * rate;
  return { ratePerSecond: rate, burst: Number.isFinite(burst) && burst >= 1 ? burst : Math.max(1, 2 * rate) };
}

// One set of buckets per server process, shared by every route bundle that imports this module.
// Several app instances each keep their own, so the effective limit is per instance.
const globalForLimits = globalThis as unknown as { tailorIngestBuckets?: TokenBuckets };
const buckets = (globalForLimits.tailorIngestBuckets ??= new TokenBuckets());
const PRUNE_ABOVE = 10_000;

/** Takes one request from the key's bucket; 429 with Retry-After (seconds) when it is empty. */
export function limitApiKeyRate(keyId: string, now = Date.now()): void {
  const config = ingestRateConfig();
  if (!config) return;
  if (buckets.size > PRUNE_ABOVE) buckets.prune(config, now);
  const verdict = buckets.take(keyId, config, now);
  if (!verdict.allowed) {
    throw new AppError(
      429,
      "rate_limited",
      `This API key sent more than ${config.ratePerSecond} requests per second. Retry after ` +
        `${verdict.retryAfterSeconds} s; nothing from this request was stored.`,
      "authorization",
      { "retry-after": String(verdict.retryAfterSeconds) },
    );
  }
}
