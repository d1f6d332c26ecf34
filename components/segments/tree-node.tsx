"use client";

import { useDroppable } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { GripVertical, Loader2, MoreHorizontal, Plus } from "lucide-react";
import type { KeyboardEvent, ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { NativeSelect } from "@/components/ui/native-select";
import { describeNode } from "@/lib/segments";
import type { KeyboardMove, SegmentCondition, SegmentGroup, SegmentNode } from "@/lib/segments";
import { useBuilder } from "./builder-context";
import { EventEditor, MembershipEditor, PersonaEditor, ReachableEditor, TraitEditor } from "./condition-editors";

const KEY_MOVES: Record<string, KeyboardMove> = {
  ArrowUp: "up",
  ArrowDown: "down",
  ArrowRight: "indent",
  ArrowLeft: "outdent",
};
const number = (n: number) => n.toLocaleString("en");

/** The node's audience: on its own, and (inside a group) the group's result up to here. */
function NodeCount({ id, isRoot }: { id: string; isRoot?: boolean }) {
  const { counts, pending } = useBuilder();
  const count = counts?.nodes[id];
  return (
    <output
      className={cn(
        "ml-auto flex shrink-0 flex-col items-end text-xs leading-tight tabular-nums text-muted-foreground",
        pending && "opacity-70",
      )}
      aria-label="Audience of this node"
    >
      {count ? (
        <>
          <span title="Profiles matching this on its own" className="flex items-center gap-1">
            {pending && <Loader2 className="size-3 animate-spin" aria-label="Updating count" />}
            <span className="font-semibold text-foreground">{number(count.count)}</span> match
          </span>
          {!isRoot && count.running !== null && (
            <span title="Profiles matching the group up to and including this">{number(count.running)} so far</span>
          )}
        </>
      ) : pending ? (
        <Loader2 className="size-3 animate-spin" aria-label="Updating count" />
      ) : (
        <span>—</span>
      )}
    </output>
  );
}

function NodeMenu({ node, label }: { node: SegmentNode; label: string }) {
  const { dispatch } = useBuilder();
  const act = (type: "remove" | "duplicate" | "negate" | "wrap") => () => dispatch({ type, id: node.id });
  const move = (m: KeyboardMove) => () => dispatch({ type: "move", id: node.id, move: m });
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="size-7" aria-label={`Actions for ${label}`}>
          <MoreHorizontal className="size-4" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={act("negate")}>{node.not ? "Remove NOT" : "Negate (NOT)"}</DropdownMenuItem>
        <DropdownMenuItem onSelect={act("wrap")}>Wrap in group</DropdownMenuItem>
        <DropdownMenuItem onSelect={act("duplicate")}>Duplicate</DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuLabel>Move (Alt + arrow keys on the handle)</DropdownMenuLabel>
        <DropdownMenuItem onSelect={move("up")}>Move up</DropdownMenuItem>
        <DropdownMenuItem onSelect={move("down")}>Move down</DropdownMenuItem>
        <DropdownMenuItem onSelect={move("indent")}>Into the group above</DropdownMenuItem>
        <DropdownMenuItem onSelect={move("outdent")}>Out of this group</DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={act("remove")} className="text-destructive">
          Delete
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** A draggable node shell: handle (pointer drag; Alt+arrows by keyboard), content, count, menu. */
function SortableNode({
  node,
  label,
  children,
  className,
}: {
  node: SegmentNode;
  label: string;
  children: (handle: ReactNode) => ReactNode;
  className?: string;
}) {
  const { readOnly, dispatch, issues } = useBuilder();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: node.id,
    disabled: readOnly,
  });
  const onKeyDown = (event: KeyboardEvent) => {
    const move = KEY_MOVES[event.key];
    if (!event.altKey || !move) return;
    event.preventDefault();
    dispatch({ type: "move", id: node.id, move });
  };
  const handle = readOnly ? null : (
    <button
      type="button"
      ref={setActivatorNodeRef}
      data-handle-for={node.id}
      aria-label={`Move ${label}`}
      aria-describedby="segment-builder-move-help"
      className={
        "cursor-grab rounded p-0.5 text-muted-foreground hover:bg-accent " +
        "focus-visible:outline-hidden focus-visible:ring-2 focus-visible:ring-ring " +
        "active:cursor-grabbing"
      }
      {...listeners}
      onKeyDown={onKeyDown}
    >
      <GripVertical className="size-4" aria-hidden />
    </button>
  );
  const problems = issues.get(node.id);
  return (
    // A labelled group, not a list item: its container is a plain stack (a list may hold only items).
    <div
      ref={setNodeRef}
      {...attributes}
      // The sortable attributes make the item a button for dnd-kit's own keyboard sensor, which we
      // do not use: it stays a labelled group, moved through its handle.
      role="group"
      tabIndex={undefined}
      aria-roledescription={undefined}
      aria-label={label}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(isDragging && "relative z-10 opacity-80", className)}
    >
      {children(handle)}
      {problems && (
        <ul className="mt-1 pl-7 text-xs text-destructive">
          {[...new Set(problems)].map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ConditionEditor({ node }: { node: SegmentCondition }) {
  switch (node.kind) {
    case "trait":
      return <TraitEditor node={node} />;
    case "event":
      return <EventEditor node={node} />;
    case "reachable":
      return <ReachableEditor node={node} />;
    case "membership":
      return <MembershipEditor node={node} />;
    case "persona":
      return <PersonaEditor node={node} />;
  }
}

const KIND_LABELS = {
  trait: "Profile or trait",
  event: "Event",
  reachable: "Reachable on a channel",
  membership: "In another segment",
  persona: "In persona",
} as const;

function ConditionNode({ node }: { node: SegmentCondition }) {
  const { readOnly, names, issues } = useBuilder();
  const label = `Condition: ${describeNode({ ...node, not: false }, names)}`;
  return (
    <SortableNode node={node} label={label}>
      {(handle) => (
        <div
          className={cn(
            "flex items-start gap-2 rounded-md border bg-card p-2",
            issues.has(node.id) && "border-destructive",
          )}
        >
          {handle && <div className="pt-1.5">{handle}</div>}
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
            {node.not && <Badge variant="warning">NOT</Badge>}
            <ConditionEditor node={node} />
          </div>
          <div className="flex shrink-0 items-center gap-1 pt-1">
            <NodeCount id={node.id} />
            {!readOnly && <NodeMenu node={node} label={label} />}
          </div>
        </div>
      )}
    </SortableNode>
  );
}

function AddMenu({ group }: { group: SegmentGroup }) {
  const { dispatch } = useBuilder();
  return (
    <div className="flex gap-2">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm">
            <Plus className="size-3.5" aria-hidden /> Add condition
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          {(Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]).map((kind) => (
            <DropdownMenuItem key={kind} onSelect={() => dispatch({ type: "add", groupId: group.id, kind })}>
              {KIND_LABELS[kind]}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <Button variant="ghost" size="sm" onClick={() => dispatch({ type: "add", groupId: group.id, kind: "group" })}>
        <Plus className="size-3.5" aria-hidden /> Add group
      </Button>
    </div>
  );
}

/** The end of a group: a drop target, so a node can be dragged into an empty group or to its end. */
function GroupEnd({ group }: { group: SegmentGroup }) {
  const { setNodeRef, isOver } = useDroppable({ id: `end:${group.id}` });
  return (
    <div
      ref={setNodeRef}
      className={cn("h-2 rounded transition-colors", isOver && "h-8 bg-primary/10 ring-1 ring-primary/40")}
      aria-hidden
    />
  );
}

function GroupBody({
  group,
  handle,
  label,
  isRoot,
}: {
  group: SegmentGroup;
  handle: ReactNode;
  label: string;
  isRoot?: boolean;
}) {
  const { readOnly, dispatch } = useBuilder();
  const setOp = (op: "and" | "or") => dispatch({ type: "replace", id: group.id, node: { ...group, op } });
  return (
    <div className={cn("rounded-lg border p-3", isRoot ? "border-transparent p-0" : "border-dashed bg-muted/30")}>
      <div className="mb-2 flex flex-wrap items-center gap-2">
        {handle}
        {group.not && <Badge variant="warning">NOT</Badge>}
        <span className="text-sm font-medium">{isRoot ? "Profiles matching" : "Match"}</span>
        <NativeSelect
          aria-label={`Combine ${isRoot ? "top-level conditions" : "conditions in this group"}`}
          value={group.op}
          disabled={readOnly}
          onChange={(e) => setOp(e.target.value as "and" | "or")}
        >
          <option value="and">all of (AND)</option>
          <option value="or">any of (OR)</option>
        </NativeSelect>
        <span className="text-sm text-muted-foreground">these conditions</span>
        <NodeCount id={group.id} isRoot={isRoot} />
        {!readOnly && !isRoot && <NodeMenu node={group} label={label} />}
      </div>
      <SortableContext items={group.children.map((c) => c.id)} strategy={verticalListSortingStrategy}>
        <div className="flex flex-col gap-2">
          {group.children.map((child) =>
            child.kind === "group" ? (
              <GroupNode key={child.id} group={child} />
            ) : (
              <ConditionNode key={child.id} node={child} />
            ),
          )}
        </div>
      </SortableContext>
      {!readOnly && <GroupEnd group={group} />}
      {group.children.length === 0 && (
        <p className="mb-2 text-sm text-muted-foreground">
          {isRoot
            ? "No conditions yet: this segment is everyone. Add a condition — a trait like country, an " +
              "event like purchase, or a channel people are reachable on."
            : `An empty group matches ${group.op === "and" ? "everyone" : "no one"}.`}
        </p>
      )}
      {!readOnly && <AddMenu group={group} />}
    </div>
  );
}

export function GroupNode({ group, isRoot }: { group: SegmentGroup; isRoot?: boolean }) {
  const label = isRoot
    ? "All conditions"
    : `Group: ${group.op === "and" ? "all" : "any"} of ${group.children.length} ` +
      `condition${group.children.length === 1 ? "" : "s"}`;
  if (isRoot) return <GroupBody group={group} handle={null} label={label} isRoot />;
  return (
    <SortableNode node={group} label={label}>
      {(handle) => <GroupBody group={group} handle={handle} label={label} />}
    </SortableNode>
  );
}
