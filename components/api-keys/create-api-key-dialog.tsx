"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError, FormAlert } from "@/components/form-messages";
import { OneTimeSecret } from "@/components/one-time-secret";
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
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/api-keys/schema";
import { queryKeys } from "@/components/query-keys";

type Created = { apiKey: { name: string; kind: "server" | "client" }; key: string };

const KIND_CHOICES = [
  {
    value: "server",
    label: "Server key",
    help: "The secret write key of the ingestion API (identify, track, alias, batch). Keep it out of web pages.",
  },
  {
    value: "client",
    label: "Client key (publishable)",
    help: "Safe to put in a web page: it only reads a user’s in-app inbox, for the tailor-inapp.js script.",
  },
] as const;

export function CreateApiKeyDialog() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const queryClient = useQueryClient();
  const form = useForm<CreateApiKeyInput>({
    resolver: zodResolver(createApiKeySchema) as never,
    defaultValues: { name: "", kind: "server" },
  });
  const mutation = useMutation({
    mutationFn: (input: CreateApiKeyInput) => apiFetch<Created>("/api/api-keys", { method: "POST", body: input }),
    onSuccess: (result) => {
      setCreated(result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys.all });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.field === "name") form.setError("name", { message: error.message });
    },
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      setCreated(null); // the key is gone for good once the dialog closes
      mutation.reset();
      form.reset();
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <KeyRound className="size-4" aria-hidden /> Create API key
        </Button>
      </DialogTrigger>
      <DialogContent>
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>API key created</DialogTitle>
              <DialogDescription>
                {created.apiKey.kind === "client"
                  ? `A publishable key for “${created.apiKey.name}”: embed the in-app script with it. It can only read the inbox of the user id the page gives.`
                  : `Use it as the write key of “${created.apiKey.name}”: Authorization: Bearer <key>.`}
              </DialogDescription>
            </DialogHeader>
            <OneTimeSecret label="API key" value={created.key} />
            {created.apiKey.kind === "client" && (
              <div className="space-y-1">
                <p className="text-sm font-medium">Embed on your site</p>
                <pre className="overflow-x-auto rounded-md border bg-muted/40 p-3 text-xs">{`<script src="${typeof window === "undefined" ? "" : window.location.origin}/tailor-inapp.js"\n  data-key="${created.key}"\n  data-user-id="THE SIGNED-IN USER'S ID"\n  data-user-hash="ITS HASH FROM YOUR SERVER (see In-app identity verification)"></script>`}</pre>
              </div>
            )}
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={form.handleSubmit((values) => mutation.mutate(values))} className="space-y-4" noValidate>
            <DialogHeader>
              <DialogTitle>Create an API key</DialogTitle>
              <DialogDescription>
                A server write key for the ingestion API, or a publishable client key for the in-app inbox script.
              </DialogDescription>
            </DialogHeader>
            <FormAlert
              message={
                mutation.error && !(mutation.error instanceof ApiError && mutation.error.field)
                  ? mutation.error.message
                  : undefined
              }
            />
            <div className="space-y-2">
              <Label htmlFor="api-key-name">Name</Label>
              <Input
                id="api-key-name"
                placeholder="Web app"
                aria-invalid={!!form.formState.errors.name}
                {...form.register("name")}
              />
              <FieldError message={form.formState.errors.name?.message} />
            </div>
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Kind</legend>
              {KIND_CHOICES.map((choice) => (
                <label
                  key={choice.value}
                  className="flex cursor-pointer items-start gap-3 rounded-md border p-3 has-[:checked]:border-primary has-[:checked]:bg-primary/5"
                >
                  <input type="radio" value={choice.value} className="mt-1 accent-primary" {...form.register("kind")} />
                  <span>
                    <span className="block text-sm font-medium">{choice.label}</span>
                    <span className="block text-xs text-muted-foreground">{choice.help}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            <DialogFooter>
              <Button type="submit" disabled={mutation.isPending}>
                {mutation.isPending ? "Creating…" : "Create key"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
