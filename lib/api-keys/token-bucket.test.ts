import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-bucket";

const config = { ratePerSecond: 2, burst: 3 };

describe("token buckets", () => {
  it("allow a burst, then refuse with the seconds until the next token", () => {
    const buckets = new TokenBuckets();
    for (let i = 0; i < 3; i++) expect(buckets.take("k", config, 0)).toEqual({ allowed: true });
    expect(buckets.take("k", config, 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("refill at the configured rate and never beyond the burst", () => {
    const buckets = new TokenBuckets();
    for (let i = 0; i < 3; i++) buckets.take("k", config, 0);
    expect(buckets.take("k", config, 500).allowed).toBe(true);
    expect(buckets.take("k", config, 500).allowed).toBe(false);
    for (let i = 0; i < 3; i++) expect(buckets.take("k", config, 60_000).allowed).toBe(true);
    expect(buckets.take("k", config, 60_000).allowed).toBe(false);
  });

  it("keep one bucket per key", () => {
    const buckets = new TokenBuckets();
    for (let i = 0; i < 3; i++) buckets.take("a", config, 0);
    expect(buckets.take("a", config, 0).allowed).toBe(false);
    expect(buckets.take("b", config, 0).allowed).toBe(true);
  });

  it("round Retry-After up to whole seconds at slow rates", () => {
    const buckets = new TokenBuckets();
    const slow = { ratePerSecond: 0.1, burst: 1 };
    buckets.take("k", slow, 0);
    expect(buckets.take("k", slow, 1_000)).toEqual({ allowed: false, retryAfterSeconds: 9 });
  });

  it("forget buckets that have refilled", () => {
    const buckets = new TokenBuckets();
    buckets.take("a", config, 0);
    buckets.take("b", config, 10_000);
    buckets.prune(config, 10_100);
    expect(buckets.size).toBe(1);
  });
});
