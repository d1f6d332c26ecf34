"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState } from "react";
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
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { ROLE_DESCRIPTIONS } from "@/lib/auth";
import { addMemberSchema, type AddMemberInput } from "@/lib/members";
import { RoleSelect } from "./role-select";
import { queryKeys } from "@/components/query-keys";

type Added = { invitation: { email: string; expiresAt: string }; invitePath: string };

export function AddMemberDialog() {
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<Added | null>(null);
  const queryClient = useQueryClient();
  const form = useForm<AddMemberInput>({
    resolver: zodResolver(addMemberSchema),
    mode: "onTouched",
    reValidateMode: "onChange",
    defaultValues: { name: "", email: "", role: "marketer" },
  });

  const mutation = useMutation({
    mutationFn: (input: AddMemberInput) => apiFetch<Added>("/api/members", { method: "POST", body: input }),
    onSuccess: (result) => {
      setAdded(result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.members.all });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.field && error.field in form.getValues()) {
        form.setError(error.field as keyof AddMemberInput, { message: error.message });
      }
    },
  });

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      // The invitation link is gone for good once the dialog closes.
      setAdded(null);
      mutation.reset();
      form.reset();
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button>
          <UserPlus className="size-4" aria-hidden /> Add member
        </Button>
      </DialogTrigger>
      <DialogContent>
        {added ? (
          <>
            <DialogHeader>
              <DialogTitle>Invitation ready</DialogTitle>
              <DialogDescription>
                Send this link to {added.invitation.email}. It works once, for 7 days: they join with a password of
                their own, or by signing in if they already use Tailor.
              </DialogDescription>
            </DialogHeader>
            <OneTimeSecret label="Invitation link" value={`${window.location.origin}${added.invitePath}`} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <Form {...form}>
            <form onSubmit={form.handleSubmit((values) => mutation.mutate(values))} className="space-y-4" noValidate>
              <DialogHeader>
                <DialogTitle>Add a member</DialogTitle>
                <DialogDescription>They get a link to join with: share it with them yourself.</DialogDescription>
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
                      <Input autoComplete="off" {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="email"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>E-mail</FormLabel>
                    <FormControl>
                      <Input type="email" autoComplete="off" {...field} />
                    </FormControl>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <FormField
                control={form.control}
                name="role"
                render={({ field }) => (
                  <FormItem>
                    <FormLabel>Role</FormLabel>
                    <FormControl>
                      <RoleSelect
                        className="w-full"
                        value={field.value}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                      />
                    </FormControl>
                    <FormDescription className="text-sm">{ROLE_DESCRIPTIONS[field.value]}</FormDescription>
                    <FormMessage />
                  </FormItem>
                )}
              />
              <DialogFooter>
                <Button type="submit" disabled={mutation.isPending}>
                  {mutation.isPending ? "Inviting…" : "Invite"}
                </Button>
              </DialogFooter>
            </form>
          </Form>
        )}
      </DialogContent>
    </Dialog>
  );
}
