"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Flag, Loader2 } from "lucide-react";
import { useState, type FormEvent } from "react";
import { apiFetch, ApiError } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/use-toast";
import { Textarea } from "@/components/ui/textarea";
import type { CatalogEntry } from "@/lib/profiles/server";
import type { TraitFlagKind } from "@/lib/profiles";

const FLAG_CHOICES: { value: TraitFlagKind | "none"; label: string; hint: string }[] = [
  {
    value: "sensitive",
    label: "Sensitive",
    hint: "Health, beliefs, finances, family — things people would not expect a shop to mention.",
  },
  {
    value: "inferred",
    label: "Inferred",
    hint:
      "Guessed by a model or enrichment rather than told to us: it may be wrong, and saying it " +
      "aloud feels like surveillance.",
  },
  { value: "none", label: "Not flagged", hint: "May be used in message copy." },
];

/** Set, change or clear one trait's flag, with the reason others will read. */
export function TraitFlagDialog({ entry, queryKey }: { entry: CatalogEntry; queryKey: readonly unknown[] }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [flag, setFlag] = useState<TraitFlagKind | "none">(entry.flag?.flag ?? "sensitive");
  const [reason, setReason] = useState(entry.flag?.reason ?? "");
  const save = useMutation({
    mutationFn: () =>
      apiFetch("/api/traits/flags", {
        method: "PUT",
        body: { key: entry.key, flag: flag === "none" ? null : flag, reason: flag === "none" ? "" : reason },
      }),
    onSuccess: async () => {
      // Refetch rather than patch the cache: the server records who flagged it.
      await queryClient.invalidateQueries({ queryKey });
      setOpen(false);
      toast({
        title: flag === "none" ? `${entry.key} is no longer flagged` : `${entry.key} flagged ${flag}`,
        variant: "success",
      });
    },
  });
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) {
      setFlag(entry.flag?.flag ?? "sensitive");
      setReason(entry.flag?.reason ?? "");
      save.reset();
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const radioName = `flag-${entry.key}`;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`${entry.flag ? "Change flag of" : "Flag"} ${entry.key}`}>
          <Flag className="size-3.5" aria-hidden /> {entry.flag ? "Change" : "Flag"}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>
              Flag <code className="font-mono">{entry.key}</code>
            </DialogTitle>
            <DialogDescription>
              Flagged traits stay usable in segments, but message copy that mentions them is refused.
            </DialogDescription>
          </DialogHeader>
          <fieldset className="grid gap-2">
            <legend className="mb-1 text-sm font-medium">Flag</legend>
            {FLAG_CHOICES.map((choice) => (
              <div key={choice.value} className="flex items-start gap-2">
                <input
                  id={`${radioName}-${choice.value}`}
                  type="radio"
                  name={radioName}
                  value={choice.value}
                  checked={flag === choice.value}
                  onChange={() => setFlag(choice.value)}
                  className="mt-1 size-4 accent-primary"
                  aria-describedby={`${radioName}-${choice.value}-hint`}
                />
                <div>
                  <Label htmlFor={`${radioName}-${choice.value}`}>{choice.label}</Label>
                  <p id={`${radioName}-${choice.value}-hint`} className="text-xs text-muted-foreground">
                    {choice.hint}
                  </p>
                </div>
              </div>
            ))}
          </fieldset>
          {flag !== "none" && (
            <div className="grid gap-1.5">
              <Label htmlFor={`${radioName}-reason`}>Reason</Label>
              <Textarea
                id={`${radioName}-reason`}
                rows={3}
                maxLength={300}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder="Why: e.g. computed from browsing, never stated by the customer"
                aria-invalid={(save.error instanceof ApiError && save.error.field === "reason") || undefined}
              />
            </div>
          )}
          <FormAlert message={save.error?.message} />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />} Save flag
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
