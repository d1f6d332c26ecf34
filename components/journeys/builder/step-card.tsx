"use client";

import { useDraggable, useDroppable } from "@dnd-kit/core";
import { CSS } from "@dnd-kit/utilities";
import { AlertCircle, GripVertical } from "lucide-react";
import type { KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import type { JourneyNode } from "@/lib/journeys";
import { NODE_KIND_LABELS, describeNode, type TemplateNames } from "../describe-node";

/** Arrow keys walk the steps in the order they are drawn (Tab reaches the "+" buttons between them too). */
function moveFocus(event: KeyboardEvent<HTMLButtonElement>) {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const cards = [...document.querySelectorAll<HTMLButtonElement>("[data-step-id]")];
  const next = cards[cards.indexOf(event.currentTarget) + (event.key === "ArrowDown" ? 1 : -1)];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/**
 * A step in the builder's flow: selecting it opens its editor; a step with something to fix is outlined and says so.
 * Its grip drags it onto another step of the same straight run (with the keyboard: Move up / down in its editor).
 */
export function StepCard({
  node,
  nodes,
  templates,
  selected,
  issueCount,
  onSelect,
}: {
  node: JourneyNode;
  nodes: Map<string, JourneyNode>;
  templates: TemplateNames;
  selected: boolean;
  issueCount: number;
  onSelect: () => void;
}) {
  const drag = useDraggable({ id: node.id, disabled: node.kind === "entry" });
  const drop = useDroppable({ id: node.id });
  return (
    <div
      ref={drop.setNodeRef}
      style={{ transform: CSS.Translate.toString(drag.transform) }}
      className={cn(
        "relative mx-auto w-full max-w-sm rounded-xl",
        drop.isOver && !drag.isDragging && "ring-2 ring-primary/50",
      )}
    >
      {node.kind !== "entry" && (
        // Pointer only, so hidden from assistive tech: the editor's Move up / down buttons do the same.
        <div
          ref={drag.setNodeRef}
          {...drag.listeners}
          data-drag-handle={node.id}
          aria-hidden
          title="Drag onto another step to move it there"
          className="absolute top-1/2 left-1 z-10 -translate-y-1/2 cursor-grab touch-none p-1 text-muted-foreground"
        >
          <GripVertical className="size-4" />
        </div>
      )}
      <button
        type="button"
        data-step-id={node.id}
        aria-pressed={selected}
        onClick={onSelect}
        onKeyDown={moveFocus}
        className={cn(
          "grid w-full gap-1 rounded-xl border bg-card p-4 pl-7 text-left text-card-foreground shadow-sm",
          "transition-colors hover:bg-accent/40 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
          selected && "ring-2 ring-primary",
          issueCount > 0 && "border-destructive",
        )}
      >
        <span className="text-xs font-medium tracking-wide text-muted-foreground uppercase">
          {NODE_KIND_LABELS[node.kind]}
          <span className="normal-case"> · {node.label ?? node.id}</span>
        </span>
        <span className="text-sm font-medium">{describeNode(node, templates, nodes)}</span>
        {issueCount > 0 && (
          <span className="flex items-center gap-1 text-xs text-destructive">
            <AlertCircle className="size-3.5" aria-hidden />
            {issueCount === 1 ? "1 thing to fix" : `${issueCount} things to fix`}
          </span>
        )}
      </button>
    </div>
  );
}
