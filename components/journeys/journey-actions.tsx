"use client";

import { useMutation } from "@tanstack/react-query";
import { Archive, Pause, Play } from "lucide-react";
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
import type { JourneyStatus, JourneyStatusChange } from "@/lib/journeys";

/** Pause, resume, archive (after a confirm) — what the status allows; nothing before the first publish. */
export function JourneyActions({
  journeyId,
  name,
  status,
}: {
  journeyId: string;
  name: string;
  status: JourneyStatus;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const act = useMutation({
    mutationFn: (next: JourneyStatusChange) =>
      apiFetch(`/api/journeys/${journeyId}/status`, { method: "POST", body: { status: next } }),
    onSuccess: () => {
      setConfirming(false);
      router.refresh();
    },
  });
  if (status === "draft" || status === "archived") return null;
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        {status === "live" ? (
          <Button variant="outline" onClick={() => act.mutate("paused")} disabled={act.isPending}>
            <Pause className="size-4" aria-hidden /> Pause
          </Button>
        ) : (
          <Button onClick={() => act.mutate("live")} disabled={act.isPending}>
            <Play className="size-4" aria-hidden /> Resume
          </Button>
        )}
        <Dialog open={confirming} onOpenChange={(next) => (setConfirming(next), next || act.reset())}>
          <DialogTrigger asChild>
            <Button variant="outline">
              <Archive className="size-4" aria-hidden /> Archive
            </Button>
          </DialogTrigger>
          <DialogContent>
            <DialogHeader>
              <DialogTitle>Archive “{name}”?</DialogTitle>
              <DialogDescription>
                Nobody enters it any more and everyone in it stays where they are, for good: an archived journey cannot
                be resumed. Its figures stay readable here.
              </DialogDescription>
            </DialogHeader>
            <FormAlert message={confirming ? act.error?.message : undefined} />
            <DialogFooter>
              <Button variant="outline" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
              <Button variant="destructive" onClick={() => act.mutate("archived")} disabled={act.isPending}>
                Archive journey
              </Button>
            </DialogFooter>
          </DialogContent>
        </Dialog>
      </div>
      {act.error && !confirming && <FormAlert message={act.error.message} />}
    </div>
  );
}
