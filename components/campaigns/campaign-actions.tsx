"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Ban, Loader2, Pause, Play, Rocket } from "lucide-react";
import Link from "next/link";
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
import type { CampaignStatus } from "@/lib/delivery";
import { skipReasonLabel } from "@/lib/delivery";
import type { PrelaunchSummary } from "@/lib/delivery/server";
import { queryKeys } from "@/components/query-keys";

const number = (n: number) => n.toLocaleString("en-GB");
const duration = (s: number) =>
  s < 60 ? `${s} s` : s < 3600 ? `${Math.ceil(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;

/** Launch (after the pre-launch estimate), pause, resume, cancel — what the status allows. */
export function CampaignActions({
  campaignId,
  status,
  experimentId,
}: {
  campaignId: string;
  status: CampaignStatus;
  experimentId: string | null;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: (action: "launch" | "pause" | "resume" | "cancel") =>
      apiFetch(`/api/campaigns/${campaignId}/${action}`, { method: "POST" }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.campaigns.detail(campaignId) });
      router.refresh();
    },
  });
  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        {status === "draft" &&
          (experimentId ? (
            // An experiment launches from its own page, where its reach per arm is estimated and checked.
            <Button asChild>
              <Link href={`/experiments/${experimentId}`}>
                <Rocket className="size-4" aria-hidden /> Launch from the experiment
              </Link>
            </Button>
          ) : (
            <LaunchDialog campaignId={campaignId} onLaunch={() => act.mutateAsync("launch")} />
          ))}
        {(status === "scheduled" || status === "sending") && (
          <Button variant="outline" onClick={() => act.mutate("pause")} disabled={act.isPending}>
            <Pause className="size-4" aria-hidden /> Pause
          </Button>
        )}
        {status === "paused" && (
          <Button onClick={() => act.mutate("resume")} disabled={act.isPending}>
            <Play className="size-4" aria-hidden /> Resume
          </Button>
        )}
        {status !== "sent" && status !== "cancelled" && (
          <Button
            variant="outline"
            onClick={() =>
              confirm("Cancel this campaign? Messages not sent yet will never be sent.") && act.mutate("cancel")
            }
            disabled={act.isPending}
          >
            <Ban className="size-4" aria-hidden /> Cancel campaign
          </Button>
        )}
      </div>
      {act.error && status !== "draft" && <FormAlert message={act.error.message} />}
    </div>
  );
}

function LaunchDialog({ campaignId, onLaunch }: { campaignId: string; onLaunch: () => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const summary = useQuery({
    queryKey: queryKeys.campaigns.summary(campaignId),
    queryFn: () => apiFetch<{ summary: PrelaunchSummary }>(`/api/campaigns/${campaignId}/summary`),
    enabled: open,
  });
  const launch = useMutation({ mutationFn: onLaunch, onSuccess: () => setOpen(false) });
  const s = summary.data?.summary;
  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || launch.reset())}>
      <DialogTrigger asChild>
        <Button>
          <Rocket className="size-4" aria-hidden /> Launch…
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Launch this campaign?</DialogTitle>
          <DialogDescription>
            An estimate of the audience as it is now; policy is checked again for each person when their message goes
            out.
          </DialogDescription>
        </DialogHeader>
        {summary.isPending && (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden /> Counting the audience…
          </p>
        )}
        {summary.error && <FormAlert message={summary.error.message} />}
        {s && (
          <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" aria-label="Pre-launch summary">
            <dt>Audience {s.triggered && "(now; triggers send as events arrive)"}</dt>
            <dd className="text-right tabular-nums font-medium">{number(s.audience)}</dd>
            {s.skips.map((skip) => (
              <div key={skip.reason} className="contents text-muted-foreground">
                <dt className="pl-3">− {skipReasonLabel(skip.reason)}</dt>
                <dd className="text-right tabular-nums">{number(skip.count)}</dd>
              </div>
            ))}
            <dt className="border-t pt-1 font-medium">Will be sent (estimate)</dt>
            <dd className="border-t pt-1 text-right tabular-nums font-medium">{number(s.willSend)}</dd>
            <dt className="text-muted-foreground">Estimated send time</dt>
            <dd className="text-right tabular-nums text-muted-foreground">{duration(s.estimatedSeconds)}</dd>
          </dl>
        )}
        {launch.error && <FormAlert message={launch.error.message} />}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Not yet
          </Button>
          <Button onClick={() => launch.mutate()} disabled={!s || launch.isPending}>
            {launch.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />} Launch
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
