import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { AcceptInvitationButton } from "@/components/members/accept-invitation-button";
import { JoinForm } from "@/components/members/join-form";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { currentActor } from "@/lib/auth/server";
import { ROLE_LABELS } from "@/lib/auth";
import { invitationForToken } from "@/lib/members/server";
import { invitationTokenSchema } from "@/lib/members";
import { AuthBrand } from "@/components/auth/auth-brand";

export const metadata: Metadata = { title: "Invitation" };

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export default async function InvitationPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const { token } = await params;
  const { error } = await searchParams;
  const invitation = invitationTokenSchema.safeParse(token).success ? await invitationForToken(token) : null;
  const actor = await currentActor((await headers()).get("cookie"));

  if (!invitation) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>
            <h1>This invitation link no longer works</h1>
          </CardTitle>
          <CardDescription>
            It was used, withdrawn, or is older than 7 days. Ask the admin who invited you for a new link.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/signin" className="text-sm font-medium underline underline-offset-4">
            Go to sign-in
          </Link>
        </CardContent>
      </Card>
    );
  }

  const signInPath = `/signin?callbackUrl=${encodeURIComponent(`/invite/${token}`)}`;
  return (
    <div className="space-y-6">
      <AuthBrand />
      <Card>
        <CardHeader>
          <CardTitle>
            <h1>Join {invitation.workspaceName}</h1>
          </CardTitle>
          <CardDescription>
            You are invited as {ROLE_LABELS[invitation.role]}, with the e-mail{" "}
            <span className="font-medium text-foreground">{invitation.email}</span>. The link works once, until{" "}
            {day.format(new Date(invitation.expiresAt))}.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {actor && actor.email === invitation.email ? (
            <AcceptInvitationButton invitationId={invitation.id} workspaceName={invitation.workspaceName} />
          ) : actor ? (
            <>
              <p className="text-sm">
                You are signed in as <span className="font-medium">{actor.email}</span>, but this invitation is for{" "}
                <span className="font-medium">{invitation.email}</span>. Sign out, then open the link again.
              </p>
              <SignOutButton callbackUrl={`/invite/${token}`} />
            </>
          ) : (
            <>
              <JoinForm
                token={token}
                email={invitation.email}
                defaultName={invitation.name}
                signInPath={signInPath}
                initialError={error === "early" ? "The page had not finished loading. Try again." : undefined}
              />
              <Separator />
              <p className="text-sm text-muted-foreground">
                Already use Tailor with this e-mail?{" "}
                <Link href={signInPath} className="font-medium text-foreground underline underline-offset-4">
                  Sign in to accept
                </Link>
              </p>
            </>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
