"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ApiError, apiFetch } from "@/components/api-fetch";
import { FieldError, FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { joinWithNewAccountSchema, type JoinWithNewAccountInput } from "@/lib/members";

/** A newcomer names themselves and chooses a password; then they are signed in to the workspace. */
export function JoinForm(props: {
  token: string;
  email: string;
  defaultName: string;
  signInPath: string;
  initialError?: string;
}) {
  const [error, setError] = useState<{ message: string; accountExists?: boolean } | undefined>(
    props.initialError ? { message: props.initialError } : undefined,
  );
  const form = useForm<JoinWithNewAccountInput>({
    resolver: zodResolver(joinWithNewAccountSchema),
    defaultValues: { token: props.token, name: props.defaultName, password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: JoinWithNewAccountInput) {
    setError(undefined);
    try {
      await apiFetch("/api/invitations/join", { method: "POST", body: values });
    } catch (caught) {
      const field = caught instanceof ApiError ? caught.field : undefined;
      if (field === "name" || field === "password" || field === "confirmPassword")
        form.setError(field, { message: (caught as Error).message });
      else setError({ message: (caught as Error).message, accountExists: field === "email" });
      return;
    }
    const result = await signIn("credentials", { email: props.email, password: values.password, redirect: false });
    // A full navigation so the server renders the shell with the new session cookie.
    window.location.assign(result && !result.error ? "/" : "/signin");
  }

  return (
    // method="post": submitted before the script loads, the password goes in the body, never the URL.
    <form method="post" onSubmit={form.handleSubmit(onSubmit)} className="space-y-4" noValidate>
      <FormAlert message={error?.message} />
      {error?.accountExists && (
        <Button asChild className="w-full">
          <Link href={props.signInPath}>Sign in to accept</Link>
        </Button>
      )}
      <input type="email" autoComplete="username" value={props.email} readOnly hidden />
      <div className="space-y-2">
        <Label htmlFor="join-name">Your name</Label>
        <Input id="join-name" autoComplete="name" aria-invalid={!!errors.name} {...form.register("name")} />
        <FieldError message={errors.name?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="join-password">Choose a password</Label>
        <Input
          id="join-password"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!errors.password}
          {...form.register("password")}
        />
        <FieldError message={errors.password?.message} />
        {!errors.password && <p className="text-sm text-muted-foreground">At least 10 characters.</p>}
      </div>
      <div className="space-y-2">
        <Label htmlFor="join-confirm">Repeat the password</Label>
        <Input
          id="join-confirm"
          type="password"
          autoComplete="new-password"
          aria-invalid={!!errors.confirmPassword}
          {...form.register("confirmPassword")}
        />
        <FieldError message={errors.confirmPassword?.message} />
      </div>
      <Button type="submit" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? "Joining…" : "Create account and join"}
      </Button>
    </form>
  );
}
