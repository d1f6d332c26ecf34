"use client";

import { closestCenter, DndContext, PointerSensor, useSensor, useSensors } from "@dnd-kit/core";
import { useMemo } from "react";
import { definitionSchema, issuesByNode, type SegmentDefinition } from "@/lib/segments";
import { applyBuilderAction, dropNode } from "./apply-builder-action";
import { BuilderContext, type BuilderAction } from "./builder-context";
import { GroupNode } from "./tree-node";
import { usePersonaOptions } from "./use-catalog";

/**
 * The segment builder's condition tree on its own, for a condition kept inside something else (a
 * journey's split or exit criterion): the same editors, keyboard moves and drag, without a name,
 * live counts or a save button — the caller keeps the definition.
 */
export function ConditionTree({
  definition,
  onChange,
  segments,
  readOnly = false,
}: {
  definition: SegmentDefinition;
  onChange: (definition: SegmentDefinition) => void;
  segments: { id: string; name: string; archived?: boolean }[];
  readOnly?: boolean;
}) {
  const personas = usePersonaOptions();
  const names = useMemo(
    () => Object.fromEntries([...segments, ...(personas.data ?? [])].map((s) => [s.id, s.name])),
    [segments, personas.data],
  );
  const { root } = definition;
  const issues = useMemo(() => {
    const parsed = definitionSchema.safeParse(definition);
    return issuesByNode(
      root,
      parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
    );
  }, [definition, root]);
  const dispatch = (action: BuilderAction) => onChange({ ...definition, root: applyBuilderAction(root, action) });
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  return (
    <BuilderContext.Provider value={{ readOnly, counts: null, pending: false, issues, segments, names, dispatch }}>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={({ active, over }) =>
          over && onChange({ ...definition, root: dropNode(root, String(active.id), String(over.id)) })
        }
      >
        <GroupNode group={root} isRoot />
      </DndContext>
    </BuilderContext.Provider>
  );
}
