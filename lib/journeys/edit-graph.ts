import { exitsOf, successorsOf } from "./graph";
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
