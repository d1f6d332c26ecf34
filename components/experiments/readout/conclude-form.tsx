"use client";

import { useMutation } from "@tanstack/react-query";
import { AlertTriangle, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError, FormAlert } from "@/components/form-messages";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { overrideNeeded } from "@/lib/experiments";
import type { Decision } from "@/lib/experiments";

type Choice = "ship" | "rollback" | "inconclusive";

/**
 * The analyst's sign-off: decision, note, and (for "ship") the variant whose version the campaign
 * then sends. Shipping what the decision rule does not back asks for a written override reason
 * (the API refuses without one); every conclusion is confirmed before it is written.
 */
export function ConcludeForm({
  experimentId,
  variants,
  rule,
}: {
  experimentId: string;
  variants: { key: string; name: string; hasVersion: boolean }[];
  rule: Pick<Decision, "kind" | "sentence" | "variant">;
}) {
  const router = useRouter();
  const suggested = rule.kind === "ship" ? (rule.variant ?? null) : null;
  const [decision, setDecision] = useState<Choice>(suggested ? "ship" : "inconclusive");
  const [ship, setShip] = useState(suggested ?? variants[0]?.key ?? "A");
  const [note, setNote] = useState("");
  const [overrideReason, setOverrideReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  const conclude = useMutation({
    mutationFn: () =>
      apiFetch(`/api/experiments/${experimentId}/conclude`, {
        method: "POST",
        body: { decision, note, shipVariantKey: decision === "ship" ? ship : null, overrideReason },
      }),
    onSuccess: () => router.refresh(),
    onSettled: () => setConfirming(false),
  });
  const fieldError = (f: string) =>
    conclude.error instanceof ApiError && conclude.error.field === f ? conclude.error.message : undefined;
  const shipped = variants.find((v) => v.key === ship);
  // The server decides on the rule as it reads then: its refusal shows the field even where the page's rule agreed.
  const override =
    overrideNeeded(rule, { decision, shipVariantKey: decision === "ship" ? ship : null }, variants[0]?.key ?? "A") ??
    fieldError("overrideReason")?.replace(/ Write why you override it\.$/, "") ??
    null;
  const what =
    decision === "ship"
      ? `Ship ${ship}?`
      : decision === "rollback"
        ? "Roll back to the control?"
        : "Conclude as inconclusive?";
  return (
    <>
      <form
        className="grid max-w-2xl gap-4"
        aria-label="Conclude experiment"
        onSubmit={(e) => (e.preventDefault(), conclude.reset(), setConfirming(true))}
      >
        <p className="text-sm text-muted-foreground">
          The decision rule says:{" "}
          <span className="font-medium text-foreground">
            {rule.sentence.charAt(0).toUpperCase() + rule.sentence.slice(1)}
          </span>
        </p>
        <div className="flex flex-wrap gap-4">
          <div className="grid gap-1.5">
            <Label htmlFor="conclude-decision">Decision</Label>
            <NativeSelect
              id="conclude-decision"
              value={decision}
              onChange={(e) => setDecision(e.target.value as Choice)}
            >
              <option value="ship">Ship a variant</option>
              <option value="rollback">Roll back (keep control)</option>
              <option value="inconclusive">Inconclusive</option>
            </NativeSelect>
          </div>
          {decision === "ship" && (
            <div className="grid gap-1.5">
              <Label htmlFor="conclude-variant">Variant to ship</Label>
              <NativeSelect id="conclude-variant" value={ship} onChange={(e) => setShip(e.target.value)}>
                {variants.map((v) => (
                  <option key={v.key} value={v.key}>
                    {v.key} · {v.name}
                  </option>
                ))}
              </NativeSelect>
            </div>
          )}
        </div>
        {decision === "ship" && shipped && (
          <p className="text-sm text-muted-foreground">
            {shipped.hasVersion
              ? `The campaign will send ${shipped.key}'s template version from now on.`
              : `${shipped.key} has no template version of its own, so the campaign keeps what it sends; ` +
                `the decision is recorded.`}
          </p>
        )}
        {override && (
          <div className="grid gap-1.5">
            <Alert variant="warning">
              <AlertTriangle aria-hidden />
              <AlertDescription>{override} Shipping anyway is an override: say why, for the record.</AlertDescription>
            </Alert>
            <Label htmlFor="conclude-override">Override reason</Label>
            <Textarea
              id="conclude-override"
              value={overrideReason}
              onChange={(e) => setOverrideReason(e.target.value)}
              placeholder={
                "Why ship without the evidence — e.g. legal required the shorter copy before the test could " +
                "finish."
              }
              aria-invalid={Boolean(fieldError("overrideReason")) || undefined}
            />
            <FieldError message={fieldError("overrideReason") && "Write why you override the decision rule."} />
          </div>
        )}
        <div className="grid gap-1.5">
          <Label htmlFor="conclude-note">Note</Label>
          <Textarea
            id="conclude-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder="What you decided and why — e.g. lift holds across personas, no guardrail moved."
            aria-invalid={Boolean(fieldError("note")) || undefined}
          />
          <FieldError message={fieldError("note")} />
        </div>
        {conclude.error && !fieldError("note") && !fieldError("overrideReason") && (
          <FormAlert message={conclude.error.message} />
        )}
        <Button type="submit" className="w-fit" disabled={conclude.isPending}>
          Conclude experiment…
        </Button>
      </form>
      <Dialog open={confirming} onOpenChange={(open) => !conclude.isPending && setConfirming(open)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{what}</DialogTitle>
            <DialogDescription>
              Concluding ends the experiment for good: its readout stays, the decision is recorded under your name and
              audited.
            </DialogDescription>
          </DialogHeader>
          <ul className="grid list-disc gap-1 pl-5 text-sm">
            {decision === "ship" && shipped && (
              <li>
                {shipped.hasVersion
                  ? `The campaign sends ${shipped.key} · ${shipped.name} from now on.`
                  : `The campaign keeps what it sends (${shipped.key} has no version of its own).`}
              </li>
            )}
            {decision === "rollback" && <li>The campaign keeps the control&apos;s version.</li>}
            <li>
              The decision rule says <q>{rule.sentence}</q>
              {override ? "; this conclusion overrides it." : "."}
            </li>
          </ul>
          <DialogFooter>
            <Button variant="outline" onClick={() => setConfirming(false)} disabled={conclude.isPending}>
              Not yet
            </Button>
            <Button onClick={() => conclude.mutate()} disabled={conclude.isPending}>
              {conclude.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />}{" "}
              {decision === "ship"
                ? `Ship ${ship}`
                : decision === "rollback"
                  ? "Roll back"
                  : "Conclude as inconclusive"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
