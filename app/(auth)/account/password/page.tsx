import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePageRole } from "@/lib/auth/server";

export const metadata: Metadata = { title: "Change password" };

export default async function ChangePasswordPage() {
  const actor = await requirePageRole(undefined, { allowPasswordChange: true });
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1>{actor.mustChangePassword ? "Choose your password" : "Change password"}</h1>
        </CardTitle>
        <CardDescription>
          {actor.mustChangePassword
            ? `Welcome to ${actor.workspaceName}. The password you were given works once: choose your own to continue.`
            : `Signed in as ${actor.email}.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ChangePasswordForm />
      </CardContent>
    </Card>
  );
}
