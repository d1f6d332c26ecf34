"use client";

import { useMutation } from "@tanstack/react-query";
import { ClipboardCheck, Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError, FormAlert } from "@/components/form-messages";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { RECOMMENDED_SAMPLE_SIZE, VALIDATION_METHODS, type ValidationMethod } from "@/lib/personas";
import { METHOD_LABELS } from "./persona-labels";

const today = () => new Date().toISOString().slice(0, 10);

/** Stores how and when the persona was last checked with real people; a validation resets staleness. */
export function RecordValidationDialog({ personaId }: { personaId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [method, setMethod] = useState<ValidationMethod>("survey");
  const [date, setDate] = useState(today);
  const [sampleSize, setSampleSize] = useState("");
  const [notes, setNotes] = useState("");
  const record = useMutation({
    mutationFn: () =>
      apiFetch(`/api/personas/${personaId}/validations`, {
        method: "POST",
        body: {
          method,
          validatedAt: `${date}T12:00:00Z`,
          sampleSize: sampleSize.trim() === "" ? null : Number(sampleSize),
          notes,
        },
      }),
    onSuccess: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const fieldError = (field: string) =>
    record.error instanceof ApiError && record.error.field === field ? record.error.message : undefined;
  const size = Number(sampleSize);
  const small = method === "survey" && sampleSize.trim() !== "" && size < RECOMMENDED_SAMPLE_SIZE;

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || record.reset())}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <ClipboardCheck className="size-4" aria-hidden /> Record validation
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Record validation</DialogTitle>
          <DialogDescription>
            When did you last check this persona with real customers? A persona turns stale six months after its latest
            validation.
          </DialogDescription>
        </DialogHeader>
        <form id="record-validation" className="grid gap-4" onSubmit={(e) => (e.preventDefault(), record.mutate())}>
          <div className="grid gap-4 sm:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor="validation-method">Method</Label>
              <NativeSelect
                id="validation-method"
                value={method}
                onChange={(e) => setMethod(e.target.value as ValidationMethod)}
              >
                {VALIDATION_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {METHOD_LABELS[m]}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="validation-date">Date</Label>
              <Input
                id="validation-date"
                type="date"
                value={date}
                max={today()}
                onChange={(e) => setDate(e.target.value)}
                aria-invalid={Boolean(fieldError("validatedAt")) || undefined}
              />
              <FieldError message={fieldError("validatedAt")} />
            </div>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="validation-sample">Sample size</Label>
            <Input
              id="validation-sample"
              type="number"
              min={1}
              inputMode="numeric"
              value={sampleSize}
              onChange={(e) => setSampleSize(e.target.value)}
              aria-describedby="validation-sample-guidance"
              aria-invalid={Boolean(fieldError("sampleSize")) || undefined}
            />
            <p
              id="validation-sample-guidance"
              className={small ? "text-xs text-warning-foreground dark:text-warning" : "text-xs text-muted-foreground"}
            >
              The research recommends at least {RECOMMENDED_SAMPLE_SIZE.toLocaleString("en")} survey responses
              {small
                ? `: ${size.toLocaleString("en")} is fewer, so treat the result as indicative.`
                : "; interviews and usability tests work with far fewer people."}
            </p>
            <FieldError message={fieldError("sampleSize")} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="validation-notes">Notes</Label>
            <Textarea
              id="validation-notes"
              rows={3}
              value={notes}
              onChange={(e) => setNotes(e.target.value)}
              placeholder="What you asked, who took part, what changed in the persona."
            />
          </div>
          {record.error && !fieldError("validatedAt") && !fieldError("sampleSize") && (
            <FormAlert message={record.error.message} />
          )}
        </form>
        <DialogFooter>
          <Button type="submit" form="record-validation" disabled={record.isPending || !date}>
            {record.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />} Record validation
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
