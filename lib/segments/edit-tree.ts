import type { SegmentCondition, SegmentGroup, SegmentNode } from "./schema";

// Pure edits of a definition tree for the builder: each returns a new root and never mutates.

export type NewId = () => string;

export function findNode(root: SegmentNode, id: string): SegmentNode | null {
  if (root.id === id) return root;
  if (root.kind !== "group") return null;
  for (const child of root.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return null;
}

/** The group holding `id` and its index there; null for the root or an unknown id. */
export function findParent(root: SegmentGroup, id: string): { parent: SegmentGroup; index: number } | null {
  const index = root.children.findIndex((c) => c.id === id);
  if (index !== -1) return { parent: root, index };
  for (const child of root.children) {
    if (child.kind !== "group") continue;
    const found = findParent(child, id);
    if (found) return found;
  }
  return null;
}

function mapTree(node: SegmentNode, fn: (node: SegmentNode) => SegmentNode): SegmentNode {
  const mapped = fn(node);
  return mapped.kind === "group" ? { ...mapped, children: mapped.children.map((c) => mapTree(c, fn)) } : mapped;
}

const asRoot = (node: SegmentNode) => node as SegmentGroup;

export function replaceNode(root: SegmentGroup, id: string, next: SegmentNode): SegmentGroup {
  // Not mapTree: the replacement may contain the node it replaces (wrapInGroup).
  const replace = (node: SegmentNode): SegmentNode =>
    node.id === id ? next : node.kind === "group" ? { ...node, children: node.children.map(replace) } : node;
  return asRoot(replace(root));
}

export function updateNode<T extends SegmentNode>(
  root: SegmentGroup,
  id: string,
  change: (node: T) => T,
): SegmentGroup {
  const node = findNode(root, id);
  return node ? replaceNode(root, id, change(node as T)) : root;
}

export function removeNode(root: SegmentGroup, id: string): SegmentGroup {
  if (root.id === id) return root;
  return asRoot(
    mapTree(root, (n) => (n.kind === "group" ? { ...n, children: n.children.filter((c) => c.id !== id) } : n)),
  );
}

export function insertNode(root: SegmentGroup, groupId: string, node: SegmentNode, index?: number): SegmentGroup {
  return updateNode<SegmentGroup>(root, groupId, (group) => {
    const children = [...group.children];
    children.splice(index ?? children.length, 0, node);
    return { ...group, children };
  });
}

/** A deep copy with fresh ids, placed right after the original. */
export function duplicateNode(root: SegmentGroup, id: string, newId: NewId): SegmentGroup {
  const place = findParent(root, id);
  const node = findNode(root, id);
  if (!place || !node) return root;
  const copy = mapTree(structuredClone(node), (n) => ({ ...n, id: newId() }));
  return insertNode(root, place.parent.id, copy, place.index + 1);
}

/** Puts a node inside a new group of its own, where it was. */
export function wrapInGroup(root: SegmentGroup, id: string, op: "and" | "or", newId: NewId): SegmentGroup {
  const node = findNode(root, id);
  if (!node || root.id === id) return root;
  return replaceNode(root, id, { kind: "group", id: newId(), op, children: [node] });
}

export function toggleNot(root: SegmentGroup, id: string): SegmentGroup {
  return updateNode(root, id, (n) => ({ ...n, not: !n.not }));
}

function contains(node: SegmentNode, id: string): boolean {
  return findNode(node, id) !== null;
}

/** Moves a node into `groupId` at `index` (an index in the group as it is before the move). */
export function moveNode(root: SegmentGroup, id: string, groupId: string, index: number): SegmentGroup {
  const node = findNode(root, id);
  const from = findParent(root, id);
  if (!node || !from || contains(node, groupId)) return root;
  const adjusted = from.parent.id === groupId && from.index < index ? index - 1 : index;
  return insertNode(removeNode(root, id), groupId, node, adjusted);
}

export type KeyboardMove = "up" | "down" | "indent" | "outdent";

/**
 * The builder's keyboard moves: up/down among siblings, indent into the group just above,
 * outdent to just after the parent group. Together they reach every position.
 */
export function moveByKeyboard(root: SegmentGroup, id: string, move: KeyboardMove): SegmentGroup {
  const place = findParent(root, id);
  if (!place) return root;
  const { parent, index } = place;
  switch (move) {
    case "up":
      return index === 0 ? root : moveNode(root, id, parent.id, index - 1);
    case "down":
      return index === parent.children.length - 1 ? root : moveNode(root, id, parent.id, index + 2);
    case "indent": {
      const above = parent.children[index - 1];
      return above?.kind === "group" ? moveNode(root, id, above.id, above.children.length) : root;
    }
    case "outdent": {
      const grand = findParent(root, parent.id);
      return grand ? moveNode(root, id, grand.parent.id, grand.index + 1) : root;
    }
  }
}

export function countNodes(node: SegmentNode): number {
  return node.kind === "group" ? 1 + node.children.reduce((sum, c) => sum + countNodes(c), 0) : 1;
}

/** Starter conditions the "Add condition" menu creates. */
export function starterCondition(kind: SegmentCondition["kind"], id: string): SegmentCondition {
  switch (kind) {
    case "trait":
      return { kind, id, field: "country", comparison: { type: "string", op: "equals", value: "" } };
    case "event":
      return {
        kind,
        id,
        event: "purchase",
        where: [],
        measure: { type: "count", op: "at_least", count: 1 },
        window: { type: "last", amount: 30, unit: "days" },
      };
    case "reachable":
      return { kind, id, channel: "email" };
    case "membership":
      return { kind, id, segmentId: "" };
    case "persona":
      return { kind, id, personaId: "" };
  }
}
