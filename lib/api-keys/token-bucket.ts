/**
 * A token bucket per key: `ratePerSecond` tokens flow in, up to `burst`; a request takes one.
 * Pure (time is passed in), so the arithmetic is tested without waiting.
 */
export type TokenBucketConfig = { ratePerSecond: number; burst: number };
export type TokenVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  take(key: string, config: TokenBucketConfig, now: number): TokenVerdict {
    const previous = this.buckets.get(key);
    const refilled = previous
      ? Math.min(config.burst, previous.tokens + ((now - previous.at) / 1000) * config.ratePerSecond)
      : config.burst;
    if (refilled >= 1) {
      this.buckets.set(key, { tokens: refilled - 1, at: now });
      return { allowed: true };
    }
    this.buckets.set(key, { tokens: refilled, at: now });
    // Whole seconds (Retry-After's unit), rounded up: retrying then finds a token.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - refilled) / config.ratePerSecond)) };
  }

  /** Buckets that have refilled completely carry no information; dropping them bounds the map. */
  prune(config: TokenBucketConfig, now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * config.ratePerSecond >= config.burst) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
