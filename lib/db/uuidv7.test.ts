import { describe, expect, it } from "vitest";
import { uuidv7 } from "./uuidv7";

describe("uuidv7", () => {
  it("is an RFC 9562 version 7 UUID carrying its millisecond", () => {
    const at = Date.UTC(2026, 11, 6, 2, 45, 0, 123);
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(at);
  });

  it("sorts by creation time across milliseconds, and is unique within one", () => {
    const ids = [1_000, 2_000, 2_001, 1_700_000_000_000].map((ms) => uuidv7(ms));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1_000 }, () => uuidv7(5))).size).toBe(1_000);
  });
});
