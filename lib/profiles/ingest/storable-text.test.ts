import { describe, expect, it } from "vitest";
import { unstorableTextAt } from "./storable-text";

describe("unstorableTextAt", () => {
  it("finds NUL characters and unpaired surrogates in values and keys, by path", () => {
    expect(unstorableTextAt({ event: "view\u0000" })).toBe("event");
    expect(unstorableTextAt({ properties: { tags: ["ok", "bad\ud800"] } })).toBe("properties.tags.1");
    expect(unstorableTextAt({ traits: { ["k\udc00"]: 1 } })).toBe("traits.k\udc00");
  });

  it("accepts any well-formed text, astral characters included", () => {
    expect(
      unstorableTextAt({ event: "café 🛒", properties: { n: 1, nested: { ok: true, list: [null, "ü"] } } }),
    ).toBeNull();
  });
});
