"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { UserPlus } from "lucide-react";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
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
import { ROLE_DESCRIPTIONS } from "@/lib/auth/roles";
import { addMemberSchema, type AddMemberInput } from "@/lib/members/schema";
import { RoleSelect } from "./role-select";
import { queryKeys } from "@/components/query-keys";

type Added = { invitation: { email: string; expiresAt: string }; invitePath: string };

export function AddMemberDialog() {
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<Added | null>(null);
  const queryClient = useQueryClient();
  const form = useForm<AddMemberInput>({
    resolver: zodResolver(addMemberSchema),
    defaultValues: { name: "", email: "", role: "marketer" },
  });
  const { errors } = form.formState;

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
            <div className="space-y-2">
              <Label htmlFor="member-name">Name</Label>
              <Input id="member-name" aria-invalid={!!errors.name} {...form.register("name")} />
              <FieldError message={errors.name?.message} />
            </div>
            <div className="space-y-2">
              <Label htmlFor="member-email">E-mail</Label>
              <Input id="member-email" type="email" aria-invalid={!!errors.email} {...form.register("email")} />
              <FieldError message={errors.email?.message} />
            </div>
            <div className="space-y-2">
              <Label htmlFor="member-role">Role</Label>
              <Controller
                control={form.control}
                name="role"
                render={({ field }) => (
                  <RoleSelect id="member-role" className="w-full" value={field.value} onChange={field.onChange} />
                )}
              />
              <p className="text-sm text-muted-foreground">{ROLE_DESCRIPTIONS[form.watch("role")]}</p>
            </div>
            <DialogFooter>
              <Button type="submit" disabled={mutation.isPending}>
                {mutation.isPending ? "Inviting…" : "Invite"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
