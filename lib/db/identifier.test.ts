import { describe, expect, it } from "vitest";
import { ident, identList, qualified } from "./identifier";

describe("ident", () => {
  it("quotes a plain name, keeping its case", () => {
    expect(ident("lastSeenAt").sql).toBe(`"lastSeenAt"`);
    expect(qualified("p", "email").sql).toBe(`"p"."email"`);
    expect(identList(["a", "b_2"]).sql).toBe(`"a", "b_2"`);
  });

  it("refuses anything that is not a plain name", () => {
    for (const name of ["", "1st", `a"b`, "a b", "a;--", "a.b", "é"]) expect(() => ident(name)).toThrow();
  });
});
