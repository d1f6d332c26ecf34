import type { JourneyDefinition, JourneyNode } from "./schema";

/*
 * Reading a journey as a graph: the names of each node's exits and where they lead. The builder
 * draws these, validateJourney checks them and the engine follows them, so all three agree on
 * which exits a node has.
 */

/** The exits a node has, by name, in the order the builder draws them. */
export function exitsOf(node: JourneyNode): string[] {
  switch (node.kind) {
    case "exit":
      return [];
    case "wait":
      return node.wait.type === "event" ? ["event", "timeout"] : ["next"];
    case "split":
      return node.split.type === "condition" ? ["yes", "no"] : node.split.arms.map((arm) => arm.name);
    default:
      return ["next"];
  }
}

/** The node ids a node's own exits lead to (connected exits only; unknown exit names ignored). */
export function successorsOf(node: JourneyNode): string[] {
  return exitsOf(node).flatMap((exit) => (node.exits[exit] === undefined ? [] : [node.exits[exit]]));
}

export function entryOf(definition: JourneyDefinition): JourneyNode | undefined {
  return definition.nodes.find((node) => node.kind === "entry");
}

export function nodesById(definition: JourneyDefinition): Map<string, JourneyNode> {
  return new Map(definition.nodes.map((node) => [node.id, node]));
}

/** Every edge that leads to `id`: the node it leaves and the exit it leaves by. */
export function predecessorsOf(definition: JourneyDefinition, id: string): { node: JourneyNode; exit: string }[] {
  return definition.nodes.flatMap((node) =>
    exitsOf(node)
      .filter((exit) => node.exits[exit] === id)
      .map((exit) => ({ node, exit })),
  );
}

/**
 * The ids reachable from `startId` (itself included), breadth-first; `avoid` is treated as absent,
 * which answers "is every path from the entry to X through the avoided node?".
 */
export function reachableFrom(definition: JourneyDefinition, startId: string, avoid?: string): Set<string> {
  const byId = nodesById(definition);
  const seen = new Set<string>();
  const queue = [startId];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const node = byId.get(id);
    if (!node || seen.has(id) || id === avoid) continue;
    seen.add(id);
    queue.push(...successorsOf(node));
  }
  return seen;
}

/**
 * The nodes in an order where every node comes after all nodes leading to it (Kahn's algorithm);
 * null when the graph has a cycle, since then no such order exists. Edges to unknown ids are ignored.
 */
export function topologicalOrder(definition: JourneyDefinition): JourneyNode[] | null {
  const byId = nodesById(definition);
  const incoming = new Map(definition.nodes.map((node) => [node.id, 0]));
  for (const node of definition.nodes)
    for (const next of successorsOf(node)) if (byId.has(next)) incoming.set(next, incoming.get(next)! + 1);
  const ready = definition.nodes.filter((node) => incoming.get(node.id) === 0);
  const order: JourneyNode[] = [];
  while (ready.length > 0) {
    const node = ready.shift()!;
    order.push(node);
    for (const next of successorsOf(node)) {
      if (!byId.has(next)) continue;
      incoming.set(next, incoming.get(next)! - 1);
      if (incoming.get(next) === 0) ready.push(byId.get(next)!);
    }
  }
  return order.length === definition.nodes.length ? order : null;
}

/** The node ids on one cycle, in order, or null when there is none (a depth-first search). */
export function findCycle(definition: JourneyDefinition): string[] | null {
  const byId = nodesById(definition);
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === "open") return stack.slice(stack.indexOf(id));
    const node = byId.get(id);
    if (!node || state.get(id) === "done") return null;
    state.set(id, "open");
    stack.push(id);
    for (const next of successorsOf(node)) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(id, "done");
    return null;
  };
  for (const node of definition.nodes) {
    const cycle = visit(node.id);
    if (cycle) return cycle;
  }
  return null;
}

/** The longest a profile can spend in a node, in minutes: what bounds a journey's duration. */
export function longestStayMinutes(node: JourneyNode): number {
  if (node.kind !== "wait") return 0;
  switch (node.wait.type) {
    case "duration":
      return node.wait.minutes;
    case "event":
      return node.wait.timeoutMinutes;
    // The next local time of day, or the best hour, is at most a day away.
    default:
      return 24 * 60;
  }
}
