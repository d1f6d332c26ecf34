"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
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
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { createJourneySchema, type CreateJourneyInput } from "@/lib/journeys";

const EMPTY: CreateJourneyInput = { name: "" };

/** "New journey": a name, then the journey's page (a draft until its first publish). */
export function NewJourneyDialog() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const form = useForm<CreateJourneyInput>({
    resolver: zodResolver(createJourneySchema),
    mode: "onTouched",
    reValidateMode: "onChange",
    defaultValues: EMPTY,
  });
  const create = useMutation({
    mutationFn: (input: CreateJourneyInput) =>
      apiFetch<{ journey: { id: string } }>("/api/journeys", { method: "POST", body: input }).then((r) => r.journey),
    onSuccess: (journey) => router.push(`/journeys/${journey.id}`),
    // The server's verdict on the name shows at the field; anything else above it.
    onError: (error) => {
      if (error instanceof ApiError && error.field === "name") form.setError("name", { message: error.message });
    },
  });
  const formError =
    create.error && !(create.error instanceof ApiError && create.error.field === "name")
      ? create.error.message
      : undefined;
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      create.reset();
      form.reset(EMPTY);
    }
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <Plus className="size-4" aria-hidden /> New journey
        </Button>
      </DialogTrigger>
      <DialogContent>
        <Form {...form}>
          <form className="space-y-4" noValidate onSubmit={form.handleSubmit((values) => create.mutate(values))}>
            <DialogHeader>
              <DialogTitle>New journey</DialogTitle>
              <DialogDescription>
                Name it for what it does, e.g. “Cart recovery”. It starts as a draft: nobody enters it until its steps
                are published.
              </DialogDescription>
            </DialogHeader>
            <FormAlert message={formError} />
            <FormField
              control={form.control}
              name="name"
              render={({ field }) => (
                <FormItem>
                  <FormLabel>Name</FormLabel>
                  <FormControl>
                    <Input autoComplete="off" {...field} />
                  </FormControl>
                  <FormMessage />
                </FormItem>
              )}
            />
            <DialogFooter>
              <Button type="submit" disabled={create.isPending || create.isSuccess}>
                {create.isPending || create.isSuccess ? "Creating…" : "Create journey"}
              </Button>
            </DialogFooter>
          </form>
        </Form>
      </DialogContent>
    </Dialog>
  );
}
