"use client";

import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError, FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";

/** The analyst's sign-off: decision, note, and (for "ship") the variant whose version the campaign then sends. */
export function ConcludeForm({ experimentId, variants, suggested }: { experimentId: string; variants: { key: string; name: string; hasVersion: boolean }[]; suggested: string | null }) {
  const router = useRouter();
  const [decision, setDecision] = useState<"ship" | "rollback" | "inconclusive">(suggested ? "ship" : "inconclusive");
  const [ship, setShip] = useState(suggested ?? variants[0]?.key ?? "A");
  const [note, setNote] = useState("");
  const conclude = useMutation({
    mutationFn: () => apiFetch(`/api/experiments/${experimentId}/conclude`, { method: "POST", body: { decision, note, shipVariantKey: decision === "ship" ? ship : null } }),
    onSuccess: () => router.refresh(),
  });
  const fieldError = (f: string) => (conclude.error instanceof ApiError && conclude.error.field === f ? conclude.error.message : undefined);
  const shipped = variants.find((v) => v.key === ship);
  return (
    <form className="grid max-w-2xl gap-4" aria-label="Conclude experiment" onSubmit={(e) => (e.preventDefault(), conclude.mutate())}>
      <div className="flex flex-wrap gap-4">
        <div className="grid gap-1.5">
          <Label htmlFor="conclude-decision">Decision</Label>
          <NativeSelect id="conclude-decision" value={decision} onChange={(e) => setDecision(e.target.value as typeof decision)}>
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
        <p className="text-sm text-muted-foreground">{shipped.hasVersion ? `The campaign will send ${shipped.key}'s template version from now on.` : `${shipped.key} has no template version of its own, so the campaign keeps what it sends; the decision is recorded.`}</p>
      )}
      <div className="grid gap-1.5">
        <Label htmlFor="conclude-note">Note</Label>
        <Textarea id="conclude-note" value={note} onChange={(e) => setNote(e.target.value)} placeholder="What you decided and why — e.g. lift holds across personas, no guardrail moved." aria-invalid={Boolean(fieldError("note")) || undefined} />
        <FieldError message={fieldError("note")} />
      </div>
      {conclude.error && !fieldError("note") && <FormAlert message={conclude.error.message} />}
      <Button type="submit" className="w-fit" disabled={conclude.isPending}>
        {conclude.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />} Conclude experiment
      </Button>
    </form>
  );
}
