"use client";

import { useMutation } from "@tanstack/react-query";
import { Loader2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError, FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Name first; the full editor (which saves as you type) opens once the persona exists. */
export function NewPersonaForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [summary, setSummary] = useState("");
  const create = useMutation({
    mutationFn: () =>
      apiFetch<{ persona: { id: string } }>("/api/personas", { method: "POST", body: { name, summary } }),
    onSuccess: ({ persona }) => router.push(`/personas/${persona.id}/edit`),
  });
  const fieldError = (field: string) =>
    create.error instanceof ApiError && create.error.field === field ? create.error.message : undefined;
  return (
    <Card className="max-w-xl">
      <CardContent className="pt-6">
        <form className="grid gap-4" onSubmit={(e) => (e.preventDefault(), create.mutate())}>
          <div className="grid gap-1.5">
            <Label htmlFor="new-persona-name">Name</Label>
            <Input
              id="new-persona-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Eco-conscious Emma"
              aria-invalid={Boolean(fieldError("name")) || undefined}
              autoFocus
            />
            <FieldError message={fieldError("name")} />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="new-persona-summary">One-line summary</Label>
            <Input
              id="new-persona-summary"
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              placeholder="Chooses sustainable products and reads the label"
              aria-invalid={Boolean(fieldError("summary")) || undefined}
            />
            <FieldError message={fieldError("summary")} />
          </div>
          {create.error && !(create.error instanceof ApiError && create.error.field) && (
            <FormAlert message={create.error.message} />
          )}
          <Button type="submit" className="w-fit" disabled={create.isPending || !name.trim()}>
            {create.isPending && <Loader2 className="size-4 animate-spin" aria-hidden />} Create and continue
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
