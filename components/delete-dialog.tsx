"use client";

import { useMutation } from "@tanstack/react-query";
import { Archive, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
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
import type { Dependent } from "@/lib/segments";

/**
 * A Delete button that confirms first. While something uses the thing (as the page found, or as
 * the server's 409 says when that changed since) the dialog lists those users instead and offers
 * archiving — `archiveUrl`, absent when it is archived already.
 */
export function DeleteDialog({
  url,
  name,
  what,
  consequence,
  then,
  dependents,
  archiveUrl,
}: {
  url: string;
  name: string;
  what: string;
  consequence: string;
  then: string;
  dependents: Dependent[];
  archiveUrl?: string;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch(url, { method: "DELETE" }),
    onSuccess: () => {
      router.push(then);
      router.refresh();
    },
  });
  const archive = useMutation({
    mutationFn: () => apiFetch(archiveUrl!, { method: "POST" }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const refusal =
    remove.error instanceof ApiError && remove.error.status === 409
      ? (remove.error.details.dependents as Dependent[] | undefined)
      : undefined;
  const users = refusal ?? dependents;
  const inUse = users.length > 0;
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || (remove.reset(), archive.reset()))}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Trash2 className="size-4" aria-hidden /> Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{inUse ? `“${name}” is in use` : `Delete “${name}”?`}</DialogTitle>
          <DialogDescription>
            {!inUse
              ? consequence
              : archiveUrl
                ? `It cannot be deleted while these use it. Archive it instead: it leaves the pickers and the ` +
                  `${what} list, everything below keeps working, and reports keep its name.`
                : `It cannot be deleted while these use it. It is archived already: out of the pickers and ` +
                  `the ${what} list, while everything below keeps working.`}
          </DialogDescription>
        </DialogHeader>
        {inUse && <DependentsList dependents={users} label={`What uses “${name}”`} />}
        <FormAlert message={refusal ? undefined : (remove.error?.message ?? archive.error?.message)} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Keep it
          </Button>
          {!inUse ? (
            <Button variant="destructive" onClick={() => remove.mutate()} disabled={remove.isPending}>
              Delete {what}
            </Button>
          ) : (
            archiveUrl && (
              <Button onClick={() => archive.mutate()} disabled={archive.isPending}>
                <Archive className="size-4" aria-hidden /> Archive instead
              </Button>
            )
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
