import { describe, expect, it } from "vitest";
import { singleflight } from "./singleflight";

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe("singleflight", () => {
  it("runs concurrent calls with one key once and gives every caller the answer", async () => {
    const gate = deferred<number>();
    let runs = 0;
    const run = () => (runs++, gate.promise);
    const calls = [singleflight("k", run), singleflight("k", run), singleflight("k", run)];
    gate.resolve(42);
    const results = await Promise.all(calls);
    expect(runs).toBe(1);
    expect(results.map((r) => r.value)).toEqual([42, 42, 42]);
    expect(results.map((r) => r.joined)).toEqual([false, true, true]);
  });

  it("runs different keys separately and runs again once the first call is over", async () => {
    let runs = 0;
    const run = () => Promise.resolve(++runs);
    await Promise.all([singleflight("a", run), singleflight("b", run)]);
    expect(runs).toBe(2);
    expect((await singleflight("a", run)).value).toBe(3);
  });

  it("hands an error to every waiter and does not remember it", async () => {
    const gate = deferred<number>();
    const first = singleflight("e", () => gate.promise);
    const second = singleflight("e", () => Promise.resolve(1));
    gate.reject(new Error("boom"));
    await expect(first).rejects.toThrow("boom");
    await expect(second).rejects.toThrow("boom");
    expect((await singleflight("e", () => Promise.resolve(7))).value).toBe(7);
  });
});
