import { describe, expect, it } from "vitest";
import { lineDiff, type DiffLine } from "./line-diff";

/** The diff written as a unified-diff body: " x", "-x", "+x". */
const unified = (diff: DiffLine[]) =>
  diff.map((d) => `${d.op === "equal" ? " " : d.op === "add" ? "+" : "-"}${d.text}`);

/** Applying the diff's two sides gives back both texts. */
function sides(diff: DiffLine[]) {
  return {
    before: diff
      .filter((d) => d.op !== "add")
      .map((d) => d.text)
      .join("\n"),
    after: diff
      .filter((d) => d.op !== "remove")
      .map((d) => d.text)
      .join("\n"),
  };
}

describe("lineDiff", () => {
  it("marks one changed line in the middle as removed and added, with line numbers", () => {
    const diff = lineDiff("Hi there,\nall is 20% off.\nBye", "Hi there,\nall is 30% off.\nBye");
    expect(unified(diff)).toEqual([" Hi there,", "-all is 20% off.", "+all is 30% off.", " Bye"]);
    expect(diff[1]).toEqual({ op: "remove", text: "all is 20% off.", a: 2 });
    expect(diff[2]).toEqual({ op: "add", text: "all is 30% off.", b: 2 });
    expect(diff[3]).toEqual({ op: "equal", text: "Bye", a: 3, b: 3 });
  });

  it("finds the longest common subsequence, not just a common prefix and suffix", () => {
    // LCS of A B C A B B A and C B A B A C is 4 lines long.
    const diff = lineDiff("A\nB\nC\nA\nB\nB\nA", "C\nB\nA\nB\nA\nC");
    expect(diff.filter((d) => d.op === "equal")).toHaveLength(4);
    expect(sides(diff)).toEqual({ before: "A\nB\nC\nA\nB\nB\nA", after: "C\nB\nA\nB\nA\nC" });
  });

  it("handles empty texts and additions at the end", () => {
    expect(lineDiff("", "")).toEqual([]);
    expect(unified(lineDiff("", "new"))).toEqual(["+new"]);
    expect(unified(lineDiff("a", ""))).toEqual(["-a"]);
    expect(unified(lineDiff("a\nb", "a\nb\nc"))).toEqual([" a", " b", "+c"]);
    expect(unified(lineDiff("same", "same"))).toEqual([" same"]);
  });

  it("stays correct past the table limit", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`).join("\n");
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`).join("\n");
    const diff = lineDiff(`top\n${before}\nend`, `top\n${after}\nend`);
    expect(diff[0]).toEqual({ op: "equal", text: "top", a: 1, b: 1 });
    expect(diff.at(-1)).toEqual({ op: "equal", text: "end", a: 3002, b: 3002 });
    expect(sides(diff)).toEqual({ before: `top\n${before}\nend`, after: `top\n${after}\nend` });
  });
});
