import type { JourneyDefinition, JourneyNode, JourneyNodeKind } from "./schema";

/** The kinds of step the builder's "+" offers: every kind but the entry, which a journey has once. */
export const ADDABLE_STEP_KINDS = ["send", "wait", "split", "update_trait", "webhook", "exit"] as const;
export type AddableStepKind = (typeof ADDABLE_STEP_KINDS)[number];

/** An id no step of the journey has: the kind and the first free number ("wait-2"). */
export function freeStepId(definition: JourneyDefinition, kind: JourneyNodeKind): string {
  const taken = new Set(definition.nodes.map((node) => node.id));
  const stem = kind.replace("_", "-");
  for (let n = 1; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

/**
 * A new step of `kind` with every field filled in (so what the form holds is what the schema
 * parses), set to the most common choice; a send has no template yet, which validateJourney names.
 */
export function newStep(definition: JourneyDefinition, kind: AddableStepKind): JourneyNode {
  const id = freeStepId(definition, kind);
  switch (kind) {
    case "send":
      return { id, kind, onSkip: "continue", exits: {} };
    case "wait":
      return { id, kind, wait: { type: "duration", minutes: 60 }, exits: {} };
    case "split":
      return {
        id,
        kind,
        split: {
          type: "condition",
          condition: {
            type: "segment",
            definition: { version: 1, root: { kind: "group", id: "root", op: "and", children: [] } },
          },
        },
        exits: {},
      };
    case "update_trait":
      return { id, kind, key: "", value: "", exits: {} };
    case "webhook":
      return { id, kind, url: "", method: "POST", exits: {} };
    case "exit":
      return { id, kind, exits: {} };
  }
}

/** What a journey starts as in the builder: an entry on an event still to be named, leading to an exit. */
export function starterJourney(): JourneyDefinition {
  return {
    version: 1,
    nodes: [
      {
        id: "entry",
        kind: "entry",
        trigger: { type: "event", event: "", where: [] },
        reentry: { type: "once" },
        exits: { next: "exit-1" },
      },
      { id: "exit-1", kind: "exit", exits: {} },
    ],
    exitCriteria: [],
  };
}
