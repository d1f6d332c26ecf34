import { entryOf, exitsOf, findCycle, longestStayMinutes, nodesById, reachableFrom, topologicalOrder } from "./graph";
import { MAX_JOURNEY_NODES, type JourneyDefinition } from "./schema";

/** A reason a journey cannot be published, attached to a step (nodeId) and a field path. */
export type JourneyIssue = { nodeId?: string; field: string; message: string };

/** What only the server knows; each check runs when its part is given. */
export type JourneyContext = { publishedTemplateIds?: ReadonlySet<string> | readonly string[] };

export const MAX_JOURNEY_DAYS = 365;

/*
 * The graph rules a definition must meet before it is published. The schema has already checked
 * each node's fields; these are the rules about how the nodes fit together, so a draft can break
 * them while it is being built and the builder shows them per step.
 */
export function validateJourney(definition: JourneyDefinition, context: JourneyContext = {}): JourneyIssue[] {
  const issues: JourneyIssue[] = [];
  const { nodes } = definition;
  const byId = nodesById(definition);
  const at = (index: number, nodeId: string, path: string, message: string) =>
    issues.push({ nodeId, field: path ? `nodes.${index}.${path}` : `nodes.${index}`, message });

  if (nodes.length > MAX_JOURNEY_NODES)
    issues.push({ field: "nodes", message: `A journey has at most ${MAX_JOURNEY_NODES} steps.` });
  if (byId.size < nodes.length) issues.push({ field: "nodes", message: "Two steps share an id." });

  const entries = nodes.filter((node) => node.kind === "entry");
  if (entries.length === 0) issues.push({ field: "nodes", message: "Add an entry: what starts the journey." });
  nodes.forEach((node, i) => {
    if (node.kind === "entry" && node !== entries[0])
      at(i, node.id, "kind", "A journey has one entry: remove this one or make it another step.");
  });

  nodes.forEach((node, i) => {
    const exits = exitsOf(node);
    for (const exit of exits) {
      const target = node.exits[exit];
      if (target === undefined)
        at(i, node.id, `exits.${exit}`, `Connect the “${exit}” exit to a next step or an exit.`);
      else if (!byId.has(target)) at(i, node.id, `exits.${exit}`, `The “${exit}” exit leads to a missing step.`);
    }
    for (const exit of Object.keys(node.exits))
      if (!exits.includes(exit)) at(i, node.id, `exits.${exit}`, `This step has no “${exit}” exit.`);
  });

  const cycle = findCycle(definition);
  if (cycle) {
    const index = nodes.findIndex((node) => node.id === cycle[0]);
    at(index, cycle[0]!, "exits", "Profiles would go round in a loop here: a journey must move forward to an exit.");
  }

  const entry = entryOf(definition);
  const reachable = entry ? reachableFrom(definition, entry.id) : new Set<string>();
  nodes.forEach((node, i) => {
    if (entry && !reachable.has(node.id)) at(i, node.id, "", "No path from the entry leads to this step.");
  });

  const published = context.publishedTemplateIds ? new Set(context.publishedTemplateIds) : null;
  nodes.forEach((node, i) => {
    if (node.kind === "send") {
      if (!node.templateId) at(i, node.id, "templateId", "Pick a template for this message.");
      else if (published && !published.has(node.templateId))
        at(i, node.id, "templateId", "This template is not published: publish it or pick another.");
    }
    if (node.kind === "split" && node.split.type === "random") {
      const total = node.split.arms.reduce((sum, arm) => sum + arm.percent, 0);
      if (total !== 100) at(i, node.id, "split.arms", `The arms add up to ${total} %; make them add up to 100 %.`);
    }
    if (node.kind === "split" && node.split.type === "condition" && node.split.condition.type === "engagement") {
      const { sendNodeId } = node.split.condition;
      const field = "split.condition.sendNodeId";
      if (byId.get(sendNodeId)?.kind !== "send") at(i, node.id, field, "Pick a message step of this journey.");
      // Reachable without passing the send step: some profiles arrive here without having been sent it.
      else if (entry && reachableFrom(definition, entry.id, sendNodeId).has(node.id))
        at(i, node.id, field, "Pick a message step that every profile passes before reaching this split.");
    }
  });

  // The longest total wait on any path; only meaningful without cycles.
  const order = cycle ? null : topologicalOrder(definition);
  const longest = new Map<string, number>();
  for (const node of order ?? []) {
    const total = (longest.get(node.id) ?? 0) + longestStayMinutes(node);
    if (total > MAX_JOURNEY_DAYS * 24 * 60 && (longest.get(node.id) ?? 0) <= MAX_JOURNEY_DAYS * 24 * 60) {
      const message = `Waits up to here add up to more than ${MAX_JOURNEY_DAYS} days: shorten them.`;
      at(nodes.indexOf(node), node.id, "wait", message);
    }
    for (const exit of exitsOf(node)) {
      const next = node.exits[exit];
      if (next !== undefined) longest.set(next, Math.max(longest.get(next) ?? 0, total));
    }
  }
  return issues;
}
