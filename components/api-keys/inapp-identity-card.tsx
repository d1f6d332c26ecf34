"use client";

import { useMutation, useQueryClient, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/use-toast";
import { queryKeys } from "@/components/query-keys";

const SERVER_SAMPLE = `// On your server, for the signed-in user (Node):
const userHash = crypto.createHmac("sha256", process.env.TAILOR_IDENTITY_SECRET)
  .update(user.id).digest("hex");
// then render: data-user-id="{user.id}" data-user-hash="{userHash}"`;

/**
 * The in-app identity secret: revealed on request (admins only), copied to the customer's server, rotated behind a
 * confirmation.
 */
export function InAppIdentityCard() {
  const queryClient = useQueryClient();
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const secret = useQuery({
    queryKey: queryKeys.inappIdentity.all,
    queryFn: () => apiFetch<{ secret: string }>("/api/workspace/inapp-identity"),
    enabled: shown,
  });
  const rotate = useMutation({
    mutationFn: () => apiFetch<{ secret: string }>("/api/workspace/inapp-identity", { method: "POST" }),
    onSuccess: (data) => {
      queryClient.setQueryData(queryKeys.inappIdentity.all, data);
      setShown(true);
      setConfirming(false);
      toast({
        title: "Identity secret rotated",
        description: "Put the new secret on your server: hashes made with the old one no longer open any inbox.",
        variant: "success",
      });
    },
    onError: (error) =>
      toast({ title: "Could not rotate the secret", description: error.message, variant: "destructive" }),
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>In-app identity verification</h2>
        </CardTitle>
        <CardDescription>
          The client key is public, so the inbox also needs proof that the visitor is the user whose messages it shows:
          your server signs the user id with this secret and the page passes the result as{" "}
          <code className="font-mono">data-user-hash</code>. Without a matching hash the inbox answers 401.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div className="space-y-2">
          <Label htmlFor="identity-secret">Identity secret</Label>
          <div className="flex flex-wrap gap-2">
            <Input
              id="identity-secret"
              readOnly
              className="max-w-md font-mono text-xs"
              value={
                shown ? (secret.data?.secret ?? (secret.isError ? "" : "Loading…")) : "••••••••••••••••••••••••••••••••"
              }
            />
            {!shown ? (
              <Button type="button" variant="outline" onClick={() => setShown(true)}>
                Reveal secret
              </Button>
            ) : (
              secret.data && (
                <Button
                  type="button"
                  variant="outline"
                  onClick={() =>
                    navigator.clipboard
                      ?.writeText(secret.data.secret)
                      .then(() => toast({ title: "Secret copied", variant: "success" }))
                  }
                >
                  Copy
                </Button>
              )
            )}
            <Button type="button" variant="outline" onClick={() => setConfirming(true)}>
              Rotate secret
            </Button>
          </div>
          {secret.isError && (
            <p role="alert" className="text-sm text-destructive">
              {secret.error.message}
            </p>
          )}
          <p className="text-xs text-muted-foreground">
            Keep it on your server only, like a password; never in the page or the app bundle.
          </p>
        </div>
        <pre className="overflow-x-auto rounded-md border bg-muted/40 p-3 text-xs">{SERVER_SAMPLE}</pre>
      </CardContent>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Rotate the identity secret?</DialogTitle>
            <DialogDescription>
              Pages whose server still signs with the current secret stop showing in-app messages until it uses the new
              one. Rotate when the secret may have leaked.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Keep the current secret
              </Button>
            </DialogClose>
            <Button type="button" variant="destructive" disabled={rotate.isPending} onClick={() => rotate.mutate()}>
              {rotate.isPending ? "Rotating…" : "Rotate now"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
