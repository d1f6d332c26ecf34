import { describe, expect, it } from "vitest";
import { displayValue } from "./display-value";

describe("displayValue", () => {
  it("spells out every kind of value, never [object Object]", () => {
    expect(displayValue("DE")).toBe("DE");
    expect(displayValue(42)).toBe("42");
    expect(displayValue(false)).toBe("false");
    expect(displayValue(null, "—")).toBe("—");
    expect(displayValue(undefined)).toBe("");
    expect(displayValue({ plan: "pro" })).toBe('{"plan":"pro"}');
    expect(displayValue(["a", 1])).toBe('["a",1]');
    expect(displayValue(new Date("2026-12-07T10:00:00Z"))).toBe("2026-12-07T10:00:00.000Z");
  });
});
