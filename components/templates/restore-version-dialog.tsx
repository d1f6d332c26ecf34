"use client";

import { useMutation } from "@tanstack/react-query";
import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
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

/** Copies a version into the draft after a confirmation, then opens the editor on it. */
export function RestoreVersionDialog({
  templateId,
  versionId,
  version,
  draftVersion,
}: {
  templateId: string;
  versionId: string;
  version: number;
  draftVersion: number | null;
}) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const restore = useMutation({
    mutationFn: () => apiFetch(`/api/templates/${templateId}/versions/${versionId}/restore`, { method: "POST" }),
    onSuccess: () => router.push(`/templates/${templateId}`),
  });
  const label = `Restore v${version.toLocaleString("en")}`;
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || restore.reset())}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={`Restore this version (v${version.toLocaleString("en")})`}>
          <RotateCcw className="size-4" aria-hidden /> Restore
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{label}?</DialogTitle>
          <DialogDescription>
            {draftVersion === null
              ? `A new draft starts with v${version.toLocaleString("en")}'s content.`
              : `The draft (v${draftVersion.toLocaleString("en")}) is overwritten with ` +
                `v${version.toLocaleString("en")}'s content; its unpublished edits are lost.`}{" "}
            Nothing is published: recipients get the published version until you publish the draft.
          </DialogDescription>
        </DialogHeader>
        <FormAlert message={restore.error?.message} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          <Button onClick={() => restore.mutate()} disabled={restore.isPending || restore.isSuccess}>
            {label} into the draft
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
