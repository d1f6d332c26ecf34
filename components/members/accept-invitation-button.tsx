"use client";

import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Button } from "@/components/ui/button";

/** The signed-in invitee joins; the answer moves their session to the new workspace. */
export function AcceptInvitationButton({
  invitationId,
  workspaceName,
}: {
  invitationId: string;
  workspaceName: string;
}) {
  const accept = useMutation({
    mutationFn: () => apiFetch(`/api/account/invitations/${invitationId}/accept`, { method: "POST" }),
    onSuccess: () => window.location.assign("/"),
  });
  return (
    <div className="space-y-3">
      <FormAlert message={accept.error?.message} />
      <Button className="w-full" disabled={accept.isPending || accept.isSuccess} onClick={() => accept.mutate()}>
        {accept.isPending || accept.isSuccess ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </div>
  );
}
