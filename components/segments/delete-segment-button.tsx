"use client";

import { useMutation } from "@tanstack/react-query";
import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

export function DeleteSegmentButton({ segmentId, name }: { segmentId: string; name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const remove = useMutation({
    mutationFn: () => apiFetch(`/api/segments/${segmentId}`, { method: "DELETE" }),
    onSuccess: () => {
      router.push("/segments");
      router.refresh();
    },
  });
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || remove.reset())}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Trash2 className="size-4" aria-hidden /> Delete
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Delete “{name}”?</DialogTitle>
          <DialogDescription>Its definition and size history go; profiles are not touched. The audit log keeps a record.</DialogDescription>
        </DialogHeader>
        <FormAlert message={remove.error?.message} />
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Keep it
          </Button>
          <Button variant="destructive" onClick={() => remove.mutate()} disabled={remove.isPending}>
            Delete segment
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
