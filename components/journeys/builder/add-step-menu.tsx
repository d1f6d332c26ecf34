"use client";

import { Clock, DoorOpen, GitFork, Mail, Plus, UserPen, Webhook } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { ADDABLE_STEP_KINDS, type AddableStepKind } from "@/lib/journeys";

const KINDS: Record<AddableStepKind, { label: string; icon: typeof Mail }> = {
  send: { label: "Send a message", icon: Mail },
  wait: { label: "Wait", icon: Clock },
  split: { label: "Split", icon: GitFork },
  update_trait: { label: "Update a trait", icon: UserPen },
  webhook: { label: "Call a webhook", icon: Webhook },
  exit: { label: "Exit", icon: DoorOpen },
};

/** The "+" on an edge of the flow: a menu of step kinds, the chosen one inserted on that edge. */
export function AddStepMenu({ where, onAdd }: { where: string; onAdd: (kind: AddableStepKind) => void }) {
  return (
    <div className="flex justify-center">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="icon" className="size-7 rounded-full" aria-label={`Add a step ${where}`}>
            <Plus className="size-4" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="center">
          {ADDABLE_STEP_KINDS.map((kind) => {
            const { label, icon: Icon } = KINDS[kind];
            return (
              <DropdownMenuItem key={kind} onSelect={() => onAdd(kind)}>
                <Icon className="size-4" aria-hidden /> {label}
              </DropdownMenuItem>
            );
          })}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
