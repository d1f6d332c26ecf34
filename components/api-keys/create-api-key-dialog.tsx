"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
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
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { RadioCard, RadioGroup } from "@/components/ui/radio-group";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/api-keys";
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
  const kindId = useId();
  const form = useForm<CreateApiKeyInput>({
    resolver: zodResolver(createApiKeySchema) as never,
    mode: "onTouched",
    reValidateMode: "onChange",
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
                  ? `A publishable key for “${created.apiKey.name}”: embed the in-app script with it. It can ` +
                    `only read the inbox of the user id the page gives.`
                  : `Use it as the write key of “${created.apiKey.name}”: Authorization: Bearer <key>.`}
              </DialogDescription>
            </DialogHeader>
            <OneTimeSecret label="API key" value={created.key} />
            {created.apiKey.kind === "client" && (
              <div className="space-y-1">
                <p className="text-sm font-medium">Embed on your site</p>
                <pre className="overflow-x-auto rounded-md border bg-muted/40 p-3 text-xs">
                  {`<script ` +
                    `src="${typeof window === "undefined" ? "" : window.location.origin}/tailor-inapp.js"\n  ` +
                    `data-key="${created.key}"\n  data-user-id="THE SIGNED-IN USER'S ID"\n  data-user-hash="ITS ` +
                    `HASH FROM YOUR SERVER (see In-app identity verification)"></script>`}
                </pre>
              </div>
            )}
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <Form {...form}>
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
              <FormField
                control={form.control}
                name="name"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Name</FormLabel>
                    <FormControl>
                      <Input placeholder="Web app" autoComplete="off" {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="kind"
                render={({ field }) => (
                  <FormItem>
                    <p id={`${kindId}-label`} className="text-sm font-medium">
                      Kind
                    </p>
                    <RadioGroup
                      aria-labelledby={`${kindId}-label`}
                      value={field.value}
                      onValueChange={field.onChange}
                      name={field.name}
                    >
                      {KIND_CHOICES.map((choice) => (
                        <RadioCard
                          key={choice.value}
                          id={`${kindId}-${choice.value}`}
                          value={choice.value}
                          label={choice.label}
                          help={choice.help}
                        />
                      ))}
                    </RadioGroup>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <DialogFooter>
                <Button type="submit" disabled={mutation.isPending}>
                  {mutation.isPending ? "Creating…" : "Create key"}
                </Button>
              </DialogFooter>
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
