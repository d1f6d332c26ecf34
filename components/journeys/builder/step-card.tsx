"use client";

import { AlertCircle } from "lucide-react";
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

/** A step in the builder's flow: selecting it opens its editor; a step with something to fix is outlined and says so. */
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
  return (
    <button
      type="button"
      data-step-id={node.id}
      aria-pressed={selected}
      onClick={onSelect}
      onKeyDown={moveFocus}
      className={cn(
        "mx-auto grid w-full max-w-sm gap-1 rounded-xl border bg-card p-4 text-left text-card-foreground shadow-sm",
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
  );
}
