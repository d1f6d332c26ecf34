import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { headers } from "next/headers";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { callbackPath } from "@/lib/auth";
import { currentActor } from "@/lib/auth/server";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/demo";
import { demoWorkspaceExists } from "@/lib/demo/server";
import { AuthBrand } from "@/components/auth/auth-brand";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  // The database decides, not the cookie alone: a revoked session must see the form, not loop back.
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: an open redirect after sign-in would be a phishing aid.
  const next = callbackPath(callbackUrl, process.env.NEXTAUTH_URL || "http://localhost");
  if (await currentActor((await headers()).get("cookie"))) redirect(next.startsWith("/signin") ? "/" : next);
  const showDemo = await demoWorkspaceExists();
  return (
    <div className="space-y-6">
      <AuthBrand />
      <Card>
        <CardHeader>
          <CardTitle>
            <h1>Sign in</h1>
          </CardTitle>
          <CardDescription>Use your e-mail and password.</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm
            callbackUrl={next}
            initialError={
              error === "early"
                ? "The page had not finished loading. Sign in again."
                : error
                  ? "Sign-in failed. Check your e-mail and password."
                  : undefined
            }
          />
        </CardContent>
      </Card>
      {showDemo && (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Demo workspace</h2>
            </CardTitle>
            <CardDescription>
              Every demo user has the password{" "}
              <code className="rounded bg-muted px-1 font-mono text-foreground">{DEMO_PASSWORD}</code>. This box
              disappears once the demo workspace is gone.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="space-y-1 text-sm">
              {DEMO_USERS.map((user) => (
                <li key={user.email} className="flex justify-between gap-4">
                  <code className="font-mono">{user.email}</code>
                  <span className="text-muted-foreground">{user.role}</span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
