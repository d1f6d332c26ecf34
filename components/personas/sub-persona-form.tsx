"use client";

import { useRouter } from "next/navigation";
import { apiFetch } from "@/components/api-fetch";
import { SegmentBuilder, type BuilderSave } from "@/components/segments/segment-builder";

const PARENT_NODE = "parent";

/**
 * A sub-persona starts as its parent's audience; the product manager adds the conditions that
 * narrow it. The builder counts the combination live; only the added conditions are sent, and the
 * server composes them with the parent's segment (so the parent's later changes flow down).
 */
export function SubPersonaForm({
  parent,
  segments,
}: {
  parent: { id: string; name: string; segmentId: string };
  segments: { id: string; name: string; archived?: boolean }[];
}) {
  const router = useRouter();
  const create = async ({ name, description, definition }: BuilderSave) => {
    const added = definition.root.children.filter((c) => !(c.kind === "membership" && c.id === PARENT_NODE));
    if (added.length === 0) throw new Error("Add a condition that narrows the parent's audience.");
    const { persona } = await apiFetch<{ persona: { id: string } }>(`/api/personas/${parent.id}/sub-personas`, {
      method: "POST",
      body: { name, summary: description, condition: { kind: "group", id: "narrow", op: "and", children: added } },
    });
    router.push(`/personas/${persona.id}`);
    router.refresh();
  };
  return (
    <SegmentBuilder
      readOnly={false}
      segments={segments}
      onSave={create}
      saveLabel="Create sub-persona"
      details={{
        name: "Sub-persona name",
        namePlaceholder: "Career high spender",
        description: "One-line summary",
        descriptionPlaceholder: "Buys for work events, on weekdays",
      }}
      initial={{
        name: "",
        description: "",
        root: {
          kind: "group",
          id: "root",
          op: "and",
          children: [{ kind: "membership", id: PARENT_NODE, segmentId: parent.segmentId }],
        },
      }}
    />
  );
}
