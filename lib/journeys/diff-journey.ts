import type { JourneyDefinition, JourneyNode } from "./schema";

export type StepRef = { id: string; kind: JourneyNode["kind"]; label?: string };
export type JourneyDiff = {
  added: StepRef[];
  removed: StepRef[];
  /** Steps in both, with the fields that differ (`templateId`, `wait`, `exits`, …), in the step's own key order. */
  changed: (StepRef & { fields: string[] })[];
  /** Journey-wide settings that differ: `goal`, `exitCriteria`. */
  journey: string[];
};

// Key order is not meaning: a draft saved through the API may list a step's fields in another order.
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value !== null && typeof value === "object"
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;
const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const ref = (node: JourneyNode): StepRef => ({
  id: node.id,
  kind: node.kind,
  ...(node.label ? { label: node.label } : {}),
});

/**
 * What the draft changes against a published version, step by step (matched by id): the
 * "Changes since v N" list the builder shows before publishing.
 */
export function diffJourney(published: JourneyDefinition, draft: JourneyDefinition): JourneyDiff {
  const before = new Map(published.nodes.map((node) => [node.id, node]));
  const after = new Map(draft.nodes.map((node) => [node.id, node]));
  const changed = draft.nodes.flatMap((node) => {
    const old = before.get(node.id);
    if (!old) return [];
    const keys = [...new Set([...Object.keys(node), ...Object.keys(old)])].filter((key) => key !== "id");
    const fields = keys.filter((key) => !same(node[key as keyof JourneyNode], old[key as keyof JourneyNode]));
    return fields.length > 0 ? [{ ...ref(node), fields }] : [];
  });
  return {
    added: draft.nodes.filter((node) => !before.has(node.id)).map(ref),
    removed: published.nodes.filter((node) => !after.has(node.id)).map(ref),
    changed,
    journey: (["goal", "exitCriteria"] as const).filter((key) => !same(published[key] ?? null, draft[key] ?? null)),
  };
}

export const isUnchanged = (diff: JourneyDiff) =>
  diff.added.length + diff.removed.length + diff.changed.length + diff.journey.length === 0;
