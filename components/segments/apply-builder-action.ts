import {
  countNodes,
  duplicateNode,
  findNode,
  findParent,
  insertNode,
  moveByKeyboard,
  moveNode,
  removeNode,
  replaceNode,
  starterCondition,
  toggleNot,
  wrapInGroup,
  MAX_NODES,
  type SegmentGroup,
} from "@/lib/segments";
import type { BuilderAction } from "./builder-context";

const newId = () => Math.random().toString(36).slice(2, 10);

/** A condition tree after one of the builder's actions: the segment builder's and the journey builder's. */
export function applyBuilderAction(root: SegmentGroup, action: BuilderAction): SegmentGroup {
  switch (action.type) {
    case "replace":
      return replaceNode(root, action.id, action.node);
    case "add": {
      if (countNodes(root) >= MAX_NODES) return root;
      const node =
        action.kind === "group"
          ? { kind: "group" as const, id: newId(), op: "and" as const, children: [] }
          : starterCondition(action.kind, newId());
      return insertNode(root, action.groupId, node);
    }
    case "remove":
      return removeNode(root, action.id);
    case "duplicate":
      return duplicateNode(root, action.id, newId);
    case "negate":
      return toggleNot(root, action.id);
    case "wrap":
      return wrapInGroup(root, action.id, "and", newId);
    case "move":
      return moveByKeyboard(root, action.id, action.move);
  }
}

/** A condition dragged (id) and dropped on another (overId), or on a group's end ("end:<groupId>"). */
export function dropNode(root: SegmentGroup, id: string, overId: string): SegmentGroup {
  if (id === overId) return root;
  if (overId.startsWith("end:")) {
    const groupId = overId.slice(4);
    const group = findNode(root, groupId);
    return group?.kind === "group" ? moveNode(root, id, groupId, group.children.length) : root;
  }
  const from = findParent(root, id);
  const to = findParent(root, overId);
  if (!from || !to) return root;
  const index = from.parent.id === to.parent.id && from.index < to.index ? to.index + 1 : to.index;
  return moveNode(root, id, to.parent.id, index);
}
