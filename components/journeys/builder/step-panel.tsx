"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import type { JourneyIssue, JourneyNode } from "@/lib/journeys";
import { NODE_KIND_LABELS } from "../describe-node";
import { UpdateTraitEditor, WebhookEditor } from "./action-editors";
import { EntryEditor } from "./entry-editor";
import { SendEditor, type PickableTemplate } from "./send-editor";
import { SplitEditor } from "./split-editor";
import { StepField } from "./step-field";
import { WaitEditor } from "./wait-editor";

export type StepPanelOptions = {
  templates: PickableTemplate[];
  segments: { id: string; name: string; archived?: boolean }[];
  sendSteps: { id: string; name: string }[];
};

/** The selected step's editor: its name, its own fields, what to fix, moving and deleting it. */
export function StepPanel({
  node,
  index,
  issues,
  options,
  canMove,
  onChange,
  onMove,
  onRemove,
}: {
  node: JourneyNode;
  index: number;
  issues: JourneyIssue[];
  options: StepPanelOptions;
  canMove: { up: boolean; down: boolean };
  onChange: (node: JourneyNode) => void;
  onMove: (direction: "up" | "down") => void;
  onRemove: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const path = `nodes.${index}`;
  const name = node.label ?? node.id;
  const editor = (() => {
    const common = { path, readOnly: false };
    switch (node.kind) {
      case "entry":
        return <EntryEditor {...common} node={node} onChange={onChange} />;
      case "send":
        return <SendEditor {...common} node={node} templates={options.templates} onChange={onChange} />;
      case "wait":
        return <WaitEditor {...common} node={node} onChange={onChange} />;
      case "split":
        return (
          <SplitEditor
            {...common}
            node={node}
            segments={options.segments}
            sendSteps={options.sendSteps.filter((s) => s.id !== node.id)}
            onChange={onChange}
          />
        );
      case "update_trait":
        return <UpdateTraitEditor {...common} node={node} onChange={onChange} />;
      case "webhook":
        return <WebhookEditor {...common} node={node} onChange={onChange} />;
      case "exit":
        return (
          <p className="text-sm text-muted-foreground">People who reach this step leave the journey, completed.</p>
        );
    }
  })();
  return (
    <section className="grid gap-4" aria-label={`Edit step ${name}`}>
      <h2 className="text-base font-semibold">
        {NODE_KIND_LABELS[node.kind]} <span className="font-normal text-muted-foreground">· {node.id}</span>
      </h2>
      {issues.length > 0 && (
        <ul
          className="grid gap-1 rounded-md border border-destructive/50 p-3 text-sm text-destructive"
          aria-label="To fix in this step"
        >
          {issues.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      )}
      <StepField name={`${path}.label`} label="Step name" hint="Shown on the flow and in reports; optional.">
        <Input
          value={node.label ?? ""}
          placeholder={node.id}
          onChange={(e) => onChange({ ...node, label: e.target.value || undefined })}
        />
      </StepField>
      {editor}
      <div className="flex flex-wrap gap-2 border-t pt-4 empty:hidden">
        {node.kind !== "entry" && (
          <>
            <Button variant="outline" size="sm" disabled={!canMove.up} onClick={() => onMove("up")}>
              <ArrowUp className="size-4" aria-hidden /> Move up
            </Button>
            <Button variant="outline" size="sm" disabled={!canMove.down} onClick={() => onMove("down")}>
              <ArrowDown className="size-4" aria-hidden /> Move down
            </Button>
            <Button variant="destructive" size="sm" className="ml-auto" onClick={() => setConfirming(true)}>
              <Trash2 className="size-4" aria-hidden /> Delete step
            </Button>
          </>
        )}
      </div>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Delete “{name}”?</DialogTitle>
            <DialogDescription>
              {node.kind === "split" || (node.kind === "wait" && node.wait.type === "event")
                ? "Its branches stay; the steps that led here are left unconnected for you to connect again."
                : "The step before it is connected to the step after it."}{" "}
              Published versions are not changed until you publish.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button
              variant="destructive"
              onClick={() => {
                setConfirming(false);
                onRemove();
              }}
            >
              Delete step
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </section>
  );
}
