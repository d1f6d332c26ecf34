"use client";

import { useMutation } from "@tanstack/react-query";
import { Archive, ArchiveRestore } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { DependentsList } from "@/components/dependents-list";
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
import { isActive, type Dependent } from "@/lib/segments";

/**
 * Archive (after a confirmation that says what still uses it) or, once archived, Unarchive: both
 * reversible, so unarchiving needs no confirmation. `url` is the thing's archive route.
 */
export function ArchiveDialog({
  url,
  name,
  what,
  archived,
  dependents,
}: {
  url: string;
  name: string;
  what: string;
  archived: boolean;
  dependents: Dependent[];
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const change = useMutation({
    mutationFn: (archive: boolean) => apiFetch(url, { method: archive ? "POST" : "DELETE" }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  if (archived) {
    return (
      <div className="grid gap-1">
        <Button variant="outline" onClick={() => change.mutate(false)} disabled={change.isPending}>
          <ArchiveRestore className="size-4" aria-hidden /> Unarchive
        </Button>
        <FormAlert message={change.error?.message} />
      </div>
    );
  }
  const sending = dependents.filter(isActive);
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || change.reset())}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Archive className="size-4" aria-hidden /> Archive
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Archive “{name}”?</DialogTitle>
          <DialogDescription>
            It leaves the pickers and the {what} list (“Show archived” still finds it). Its page, history and reports
            stay, and you can unarchive it at any time.
          </DialogDescription>
        </DialogHeader>
        {dependents.length > 0 && (
          <>
            <p className="text-sm">
              Still used by these, which keep working
              {sending.length > 0 && (
                <strong>
                  {" "}
                  —{" "}
                  {sending.length === 1
                    ? "one still sends to it"
                    : `${sending.length.toLocaleString("en")} still send to it`}
                </strong>
              )}
              :
            </p>
            <DependentsList dependents={dependents} label={`What still uses “${name}”`} />
          </>
        )}
        <FormAlert message={change.error?.message} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button onClick={() => change.mutate(true)} disabled={change.isPending}>
            <Archive className="size-4" aria-hidden /> Archive {what}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
