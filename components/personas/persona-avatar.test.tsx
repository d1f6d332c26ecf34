import { describe, expect, it } from "vitest";
import { initialsOf } from "./persona-avatar";

describe("persona initials", () => {
  it("takes the first letters of the first and last words, never punctuation or a bracketed qualifier", () => {
    expect(initialsOf("Weekend Wanda (UX)")).toBe("WW");
    expect(initialsOf("Deal-hunting Dani")).toBe("DD");
    expect(initialsOf("High-spender Hugo")).toBe("HH");
    expect(initialsOf("“Eco” Emma!")).toBe("EE");
    expect(initialsOf("Ana")).toBe("AN");
    expect(initialsOf("(UX)")).toBe("UX");
    expect(initialsOf("Élodie Ørsted")).toBe("ÉØ");
    expect(initialsOf("  ")).toBe("?");
  });
});
