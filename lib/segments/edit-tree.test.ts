import { describe, expect, it } from "vitest";
import { duplicateNode, moveByKeyboard, moveNode, removeNode, toggleNot, wrapInGroup } from "./edit-tree";
import type { SegmentGroup, SegmentNode } from "./schema";

const leaf = (id: string): SegmentNode => ({ kind: "reachable", id, channel: "email" });
const root: SegmentGroup = {
  kind: "group",
  id: "root",
  op: "and",
  children: [leaf("a"), { kind: "group", id: "g", op: "or", children: [leaf("b"), leaf("c")] }, leaf("d")],
};
const shape = (node: SegmentNode): unknown =>
  node.kind === "group" ? { [node.id]: node.children.map(shape) } : node.id;
let n = 0;
const newId = () => `n${n++}`;

describe("tree edits", () => {
  it("moves a node into another group and refuses to move a group into itself", () => {
    expect(shape(moveNode(root, "a", "g", 1))).toEqual({ root: [{ g: ["b", "a", "c"] }, "d"] });
    expect(shape(moveNode(root, "d", "root", 0))).toEqual({ root: ["d", "a", { g: ["b", "c"] }] });
    expect(moveNode(root, "g", "g", 0)).toBe(root);
  });

  it("moves by keyboard: down, into the group above, and back out after it", () => {
    const down = moveByKeyboard(root, "a", "down");
    expect(shape(down)).toEqual({ root: [{ g: ["b", "c"] }, "a", "d"] });
    const indented = moveByKeyboard(down, "a", "indent");
    expect(shape(indented)).toEqual({ root: [{ g: ["b", "c", "a"] }, "d"] });
    expect(shape(moveByKeyboard(indented, "a", "outdent"))).toEqual({ root: [{ g: ["b", "c"] }, "a", "d"] });
    expect(moveByKeyboard(root, "a", "up")).toBe(root);
  });

  it("duplicates with fresh ids, wraps, negates and deletes without touching the original", () => {
    const copy = duplicateNode(root, "g", newId);
    expect(shape(copy)).toEqual({ root: ["a", { g: ["b", "c"] }, { n0: ["n1", "n2"] }, "d"] });
    expect(shape(wrapInGroup(root, "d", "or", newId))).toEqual({ root: ["a", { g: ["b", "c"] }, { n3: ["d"] }] });
    expect(toggleNot(root, "b").children[1]).toMatchObject({ children: [{ id: "b", not: true }, { id: "c" }] });
    expect(shape(removeNode(root, "g"))).toEqual({ root: ["a", "d"] });
    expect(shape(root)).toEqual({ root: ["a", { g: ["b", "c"] }, "d"] });
  });
});
