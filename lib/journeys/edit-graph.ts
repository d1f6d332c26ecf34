import { exitsOf, nodesById, predecessorsOf, reachableFrom, successorsOf } from "./graph";
import type { JourneyDefinition, JourneyNode } from "./schema";

// Pure edits of a journey for the builder: each returns a new definition and never mutates.
// Unknown ids are the builder's bug, not the marketer's, so they throw instead of returning issues.

function indexOf(definition: JourneyDefinition, id: string): number {
  const index = definition.nodes.findIndex((node) => node.id === id);
  if (index === -1) throw new Error(`No step "${id}" in this journey.`);
  return index;
}

const withExit = (node: JourneyNode, exit: string, target: string | undefined): JourneyNode => {
  const exits = { ...node.exits };
  if (target === undefined) delete exits[exit];
  else exits[exit] = target;
  return { ...node, exits };
};

/**
 * Puts `newNode` on the edge leaving `fromId` by `exit`: that exit now leads to the new node, and
 * the new node's first exit leads where the edge led before (its other exits stay as given, so a
 * new split's other branches start unconnected for the marketer to fill in).
 */
export function insertBetween(
  definition: JourneyDefinition,
  fromId: string,
  exit: string,
  newNode: JourneyNode,
): JourneyDefinition {
  const fromIndex = indexOf(definition, fromId);
  const from = definition.nodes[fromIndex]!;
  if (!exitsOf(from).includes(exit)) throw new Error(`Step "${fromId}" has no "${exit}" exit.`);
  if (definition.nodes.some((node) => node.id === newNode.id)) throw new Error(`Step id "${newNode.id}" is taken.`);
  const [first] = exitsOf(newNode);
  const inserted = first === undefined ? newNode : withExit(newNode, first, from.exits[exit]);
  const nodes = definition.nodes.map((node, i) => (i === fromIndex ? withExit(node, exit, newNode.id) : node));
  // Placed right after its predecessor so the list reads in roughly the order profiles move.
  nodes.splice(fromIndex + 1, 0, inserted);
  return { ...definition, nodes };
}

/**
 * Takes a step out. When it leads on to exactly one step, every edge into it is reconnected to
 * that step; otherwise (an exit, or a split with several branches) there is no single place to
 * reconnect to, so the edges into it are left unconnected for the marketer to choose.
 */
export function removeNode(definition: JourneyDefinition, id: string): JourneyDefinition {
  const removed = definition.nodes[indexOf(definition, id)]!;
  const onward = new Set(successorsOf(removed));
  const successor = onward.size === 1 ? [...onward][0] : undefined;
  const nodes = definition.nodes
    .filter((node) => node.id !== id)
    .map((node) =>
      Object.entries(node.exits)
        .filter(([, target]) => target === id)
        .reduce((edited, [exit]) => withExit(edited, exit, successor), node),
    );
  return { ...definition, nodes };
}

/**
 * Puts `next` in the place of the step with its id. When the edit renames its exits (a wait that
 * now waits for an event, a renamed arm of a random split), each exit keeps the target of the exit
 * in the same position before, so editing a step never disconnects what follows it; exits it no
 * longer has are dropped.
 */
export function replaceStep(definition: JourneyDefinition, next: JourneyNode): JourneyDefinition {
  const index = indexOf(definition, next.id);
  const before = definition.nodes[index]!;
  const oldExits = exitsOf(before);
  const exits: Record<string, string> = {};
  exitsOf(next).forEach((exit, i) => {
    const renamed = oldExits[i] !== undefined && !exitsOf(next).includes(oldExits[i]) ? oldExits[i] : undefined;
    const target = next.exits[exit] ?? (renamed === undefined ? undefined : before.exits[renamed]);
    if (target !== undefined) exits[exit] = target;
  });
  return { ...definition, nodes: definition.nodes.map((node, i) => (i === index ? { ...next, exits } : node)) };
}

/**
 * Swaps a step with the one after it (`down`) or before it (`up`) in a straight run of single-exit
 * steps: the keyboard's way to reorder. Null when there is no such neighbour (an entry, a split,
 * an exit or the end of a branch), so the builder offers the move only where it means something.
 */
export function moveStep(
  definition: JourneyDefinition,
  id: string,
  direction: "up" | "down",
): JourneyDefinition | null {
  const byId = new Map(definition.nodes.map((node) => [node.id, node]));
  const node = byId.get(id);
  if (!node) throw new Error(`No step "${id}" in this journey.`);
  const single = (n: JourneyNode | undefined): n is JourneyNode =>
    n !== undefined && n.kind !== "entry" && exitsOf(n).length === 1;
  const [upper, lower] =
    direction === "down"
      ? [node, byId.get(node.exits[exitsOf(node)[0] ?? ""] ?? "")]
      : (() => {
          const into = definition.nodes.filter((n) => successorsOf(n).includes(id));
          return into.length === 1 ? [into[0], node] : [undefined, node];
        })();
  if (!single(upper) || !single(lower)) return null;
  // Only the upper one's predecessors lead to it; a step others also reach cannot move without changing their path.
  if (definition.nodes.filter((n) => successorsOf(n).includes(lower.id)).length !== 1) return null;
  const upperExit = exitsOf(upper)[0]!;
  const lowerExit = exitsOf(lower)[0]!;
  const after = lower.exits[lowerExit];
  const nodes = definition.nodes.map((n) => {
    if (n.id === upper.id) return withExit(n, upperExit, after);
    if (n.id === lower.id) return withExit(n, lowerExit, upper.id);
    // Edges into the upper step now lead to the lower one.
    return Object.entries(n.exits)
      .filter(([, target]) => target === upper.id)
      .reduce((edited, [exit]) => withExit(edited, exit, lower.id), n);
  });
  return { ...definition, nodes };
}

/**
 * Moves a step to where `targetId` is in the same straight run (a drag and drop): moved down
 * past the target when the target follows it, up to its place when it precedes it. Null when
 * the two are not in one straight run, as moveStep.
 */
export function moveStepTo(definition: JourneyDefinition, id: string, targetId: string): JourneyDefinition | null {
  if (id === targetId) return null;
  const direction = reachableFrom(definition, id).has(targetId) ? "down" : "up";
  let moved: JourneyDefinition | null = definition;
  // Each swap passes one step; a run is at most the journey's length.
  for (let swaps = 0; moved !== null && swaps < definition.nodes.length; swaps++) {
    moved = moveStep(moved, id, direction);
    const neighbour =
      direction === "down"
        ? predecessorsOf(moved ?? definition, id)[0]?.node.id
        : successorsOf(nodesById(moved ?? definition).get(id)!)[0];
    if (moved !== null && neighbour === targetId) return moved;
  }
  return null;
}
