import type { ReactNode } from "react";
import {
  entryOf,
  exitsOf,
  nodesById,
  reachableFrom,
  topologicalOrder,
  type JourneyDefinition,
  type JourneyNode,
} from "@/lib/journeys";
import { NODE_KIND_LABELS, describeExit } from "./describe-node";

/**
 * The vertical layout of a journey, shared by the journey page (read-only, with figures) and the
 * builder: steps top to bottom from the entry, the branches of a split (or of a wait for an event)
 * side by side under their exit's name until they meet again. The caller draws each step, and in
 * the builder a "+" on each edge (`addAt`), which also draws the exits not connected yet.
 */
export function FlowSteps({
  definition,
  step,
  branchNote,
  addAt,
}: {
  definition: JourneyDefinition;
  step: (node: JourneyNode) => ReactNode;
  /** Said after a branch's heading, e.g. how many went that way. */
  branchNote?: (node: JourneyNode, exit: string) => ReactNode;
  addAt?: (node: JourneyNode, exit: string) => ReactNode;
}) {
  const nodes = nodesById(definition);
  const order = topologicalOrder(definition) ?? definition.nodes;
  const drawn = new Set<string>();

  /** The steps from `startId` until `stopId` (where branches meet again) or the end of the path. */
  const sequence = (startId: string | undefined, stopId: string | undefined): ReactNode[] => {
    const items: ReactNode[] = [];
    let id = startId;
    while (id !== undefined && id !== stopId && !drawn.has(id) && nodes.has(id)) {
      const node = nodes.get(id)!;
      drawn.add(id);
      items.push(<li key={node.id}>{step(node)}</li>);
      const exits = exitsOf(node).filter((exit) => addAt !== undefined || node.exits[exit] !== undefined);
      if (exits.length <= 1) {
        if (addAt && exits[0] !== undefined) items.push(<li key={`${node.id}-add`}>{addAt(node, exits[0])}</li>);
        id = exits[0] === undefined ? undefined : node.exits[exits[0]];
        continue;
      }
      // Where the branches meet: the first step (in graph order) every branch reaches.
      const reach = exits.map((exit) =>
        node.exits[exit] === undefined ? new Set<string>() : reachableFrom(definition, node.exits[exit]),
      );
      let join = order.find((n) => reach.every((r) => r.has(n.id)))?.id;
      if (join !== undefined && stopId !== undefined && reachableFrom(definition, stopId).has(join)) join = stopId;
      const until = join ?? stopId;
      items.push(
        <li key={`${node.id}-branches`}>
          <div
            role="group"
            aria-label={`Branches after ${node.label ?? NODE_KIND_LABELS[node.kind].toLowerCase()}`}
            className="grid auto-cols-[minmax(15rem,1fr)] grid-flow-col gap-4 pt-3"
          >
            {exits.map((exit) => (
              <section
                key={exit}
                aria-label={`Branch ${describeExit(node, exit)}`}
                className="grid content-start gap-2"
              >
                <p className="text-center text-xs font-medium text-muted-foreground">
                  {describeExit(node, exit)}
                  {branchNote?.(node, exit)}
                </p>
                {addAt?.(node, exit)}
                {node.exits[exit] === undefined ? (
                  <p className="rounded-lg border border-dashed border-destructive/60 p-3 text-center text-sm text-muted-foreground">
                    Not connected yet: add a step or an exit
                  </p>
                ) : node.exits[exit] === until ? (
                  <p className="rounded-lg border border-dashed p-3 text-center text-sm text-muted-foreground">
                    Straight on to the step below
                  </p>
                ) : (
                  <ol className="grid gap-3 rounded-lg border border-dashed p-3">
                    {sequence(node.exits[exit], until)}
                  </ol>
                )}
              </section>
            ))}
          </div>
        </li>,
      );
      id = join;
    }
    return items;
  };

  const flow = sequence(entryOf(definition)?.id, undefined);
  // A draft may hold steps nothing leads to yet: listed after the flow, not dropped.
  const loose = order.filter((node) => !drawn.has(node.id));
  return (
    <>
      <ol className="grid min-w-fit gap-3">{flow}</ol>
      {loose.length > 0 && (
        <>
          <p className="mt-6 mb-2 text-sm font-medium">Not connected yet</p>
          <ol className="grid gap-3">
            {loose.map((node) => (
              <li key={node.id}>{step(node)}</li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
