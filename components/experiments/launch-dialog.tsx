"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { AlertTriangle, Ban, Loader2 } from "lucide-react";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { skipReasonLabel } from "@/lib/delivery";
import type { LaunchEstimate } from "@/lib/experiments";
import { count, pct, signedPct } from "./format";
import { queryKeys } from "@/components/query-keys";

/**
 * "Launch" asks first, as a campaign launch does: who policy lets through, the exposures each arm
 * (the holdout too) can expect, how long the planned sample takes. A launch nobody would see is
 * refused with the reason (the server refuses it too); one below the plan warns and may go ahead.
 */
export function LaunchExperimentDialog({
  experimentId,
  open,
  onOpenChange,
  onLaunched,
}: {
  experimentId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onLaunched: () => void;
}) {
  const estimate = useQuery({
    queryKey: queryKeys.experiments.estimate(experimentId),
    queryFn: () => apiFetch<{ estimate: LaunchEstimate }>(`/api/experiments/${experimentId}/estimate`),
    enabled: open,
    // Caps and audiences move: every opening counts again.
    gcTime: 0,
  });
  const launch = useMutation({
    mutationFn: () => apiFetch(`/api/experiments/${experimentId}/launch`, { method: "POST" }),
    onSuccess: onLaunched,
  });
  const e = estimate.data?.estimate;
  const perDay = e?.triggered ? "Exposures a day" : "Exposures on the send day";
  return (
    <Dialog open={open} onOpenChange={(next) => (onOpenChange(next), next || launch.reset())}>
      <DialogContent className="max-w-xl">
        <DialogHeader>
          <DialogTitle>Launch this experiment?</DialogTitle>
          <DialogDescription>
            An estimate from the audience and the send policy as they are now; policy is checked again for each person
            when their message goes out.
          </DialogDescription>
        </DialogHeader>
        {estimate.isPending && (
          <p className="flex items-center gap-2 text-sm text-muted-foreground">
            <Loader2 className="size-4 animate-spin" aria-hidden /> Counting who can be reached…
          </p>
        )}
        {estimate.error && <FormAlert message={estimate.error.message} />}
        {e && (
          <>
            {e.refusal && (
              <Alert variant="destructive" role="alert" aria-label="Launch refused">
                <Ban aria-hidden />
                <AlertTitle>This launch would reach nobody</AlertTitle>
                <AlertDescription>{e.refusal}</AlertDescription>
              </Alert>
            )}
            {e.warnings.map((w) => (
              <Alert key={w} variant="warning" role="status">
                <AlertTriangle aria-hidden />
                <AlertDescription>{w}</AlertDescription>
              </Alert>
            ))}
            <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" aria-label="Launch estimate">
              <dt>Audience {e.triggered && "(now; the trigger sends as events arrive)"}</dt>
              <dd className="text-right font-medium tabular-nums">{count(e.audience)}</dd>
              {e.skips.map((skip) => (
                <div key={skip.reason} className="contents text-muted-foreground">
                  <dt className="pl-3">− {skipReasonLabel(skip.reason)}</dt>
                  <dd className="text-right tabular-nums">{count(skip.count)}</dd>
                </div>
              ))}
              <dt className="border-t pt-1 font-medium">Eligible after policy (estimate)</dt>
              <dd className="border-t pt-1 text-right font-medium tabular-nums">{count(e.reachable)}</dd>
            </dl>
            <Table>
              <caption className="sr-only">Expected exposures per arm</caption>
              <TableHeader>
                <TableRow>
                  <TableHead>Arm</TableHead>
                  <TableHead className="text-right">Share</TableHead>
                  <TableHead className="text-right">{perDay}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {e.arms.map((a) => (
                  <TableRow key={a.key}>
                    <TableCell>{a.key === "holdout" ? "Holdout (gets nothing)" : `${a.key} · ${a.name}`}</TableCell>
                    <TableCell className="text-right tabular-nums">{pct(a.share, 0)}</TableCell>
                    <TableCell className="text-right tabular-nums">{count(a.perDay)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1 text-sm" aria-label="Sample plan">
              <dt className="text-muted-foreground">Planned sample</dt>
              <dd className="text-right tabular-nums">
                {e.plannedSampleSize ? `${count(e.plannedSampleSize)} per arm` : "not planned"}
              </dd>
              <dt className="text-muted-foreground">Days to the planned sample</dt>
              <dd className="text-right tabular-nums">
                {e.days.ok ? `${count(e.days.value)} ${e.days.value === 1 ? "day" : "days"}` : e.days.reason}
              </dd>
              <dt className="text-muted-foreground">Smallest detectable lift (80 % power)</dt>
              <dd className="text-right tabular-nums">
                {e.mde ? (e.mde.ok ? signedPct(e.mde.value) : e.mde.reason) : "—"}
              </dd>
            </dl>
          </>
        )}
        {launch.error && <FormAlert message={launch.error.message} />}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Not yet
          </Button>
          <Button onClick={() => launch.mutate()} disabled={!e || Boolean(e.refusal) || launch.isPending}>
            {launch.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />}{" "}
            {e && e.warnings.length > 0 ? "Launch anyway" : "Launch"}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
