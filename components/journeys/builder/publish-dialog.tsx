"use client";

import { Loader2, Rocket } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import type { JourneyDefinition } from "@/lib/journeys";

/** Says what publishing does before it happens: who stays on which version, and how people enter. */
export function PublishDialog({
  open,
  onOpenChange,
  current,
  definition,
  issueCount,
  pending,
  onPublish,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  current: number | null;
  definition: JourneyDefinition;
  issueCount: number;
  pending: boolean;
  onPublish: () => void;
}) {
  const next = (current ?? 0) + 1;
  const entry = definition.nodes.find((node) => node.kind === "entry");
  const how =
    entry?.kind === "entry" && entry.trigger.type === "event"
      ? `From now on, everyone whose “${entry.trigger.event || "…"}” event is ingested${
          entry.trigger.where.length > 0 ? " and passes its filters" : ""
        } enters, ${entry.reentry.type === "once" ? "once per person" : `again after ${entry.reentry.days} days`}. Earlier events do not count.`
      : "People enter on the entry's trigger from now on.";
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Publish version {next}?</DialogTitle>
          <DialogDescription>
            {current === null
              ? `The journey goes live as version ${next}.`
              : `People who are already in stay on version ${current}; new entries use version ${next}.`}
          </DialogDescription>
        </DialogHeader>
        <p className="text-sm">{how}</p>
        {issueCount > 0 && (
          <p className="text-sm text-destructive">
            {issueCount === 1 ? "1 thing is" : `${issueCount} things are`} still listed to fix: the server checks again
            and names them if they stop publishing.
          </p>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Not yet
          </Button>
          <Button onClick={onPublish} disabled={pending}>
            {pending ? (
              <Loader2 className="size-4 animate-spin" aria-hidden />
            ) : (
              <Rocket className="size-4" aria-hidden />
            )}{" "}
            Publish version {next}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
