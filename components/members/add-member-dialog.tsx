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
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { ROLE_DESCRIPTIONS } from "@/lib/auth/roles";
import { addMemberSchema, type AddMemberInput } from "@/lib/members/schema";
import { RoleSelect } from "./role-select";

type Added = { member: { email: string }; oneTimePassword: string };

export function AddMemberDialog() {
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<Added | null>(null);
  const queryClient = useQueryClient();
  const form = useForm<AddMemberInput>({ resolver: zodResolver(addMemberSchema), defaultValues: { name: "", email: "", role: "marketer" } });
  const { errors } = form.formState;

  const mutation = useMutation({
    mutationFn: (input: AddMemberInput) => apiFetch<Added>("/api/members", { method: "POST", body: input }),
    onSuccess: (result) => {
      setAdded(result);
      void queryClient.invalidateQueries({ queryKey: ["members"] });
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
      // The one-time password is gone for good once the dialog closes.
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
              <DialogTitle>Member added</DialogTitle>
              <DialogDescription>Give {added.member.email} this one-time password. They choose their own at first sign-in.</DialogDescription>
            </DialogHeader>
            <OneTimeSecret label="One-time password" value={added.oneTimePassword} />
            <DialogFooter>
              <Button onClick={() => onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={form.handleSubmit((values) => mutation.mutate(values))} className="space-y-4" noValidate>
            <DialogHeader>
              <DialogTitle>Add a member</DialogTitle>
              <DialogDescription>They get a one-time password to sign in with.</DialogDescription>
            </DialogHeader>
            <FormAlert message={mutation.error && !(mutation.error instanceof ApiError && mutation.error.field) ? mutation.error.message : undefined} />
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
                render={({ field }) => <RoleSelect id="member-role" className="w-full" value={field.value} onChange={field.onChange} />}
              />
              <p className="text-sm text-muted-foreground">{ROLE_DESCRIPTIONS[form.watch("role")]}</p>
            </div>
            <DialogFooter>
              <Button type="submit" disabled={mutation.isPending}>
                {mutation.isPending ? "Adding…" : "Add member"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
