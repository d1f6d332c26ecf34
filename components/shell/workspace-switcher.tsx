"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { Check, ChevronsUpDown, MailPlus } from "lucide-react";
import { apiFetch } from "@/components/api-fetch";
import { Badge } from "@/components/ui/badge";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/use-toast";
import { ROLE_LABELS } from "@/lib/auth";
import type { MyWorkspaces } from "@/lib/members/server";
import { queryKeys } from "@/components/query-keys";

/** The workspace this session acts in, the user's other workspaces, and invitations waiting for them. */
export function WorkspaceSwitcher({ workspaceName }: { workspaceName: string }) {
  const mine = useQuery({
    queryKey: queryKeys.myWorkspaces.all,
    queryFn: () => apiFetch<MyWorkspaces>("/api/account/workspaces"),
  });
  // A full navigation afterwards: every page and cached query belongs to the workspace left behind.
  const onError = (error: Error) =>
    toast({ title: "Could not change workspace", description: error.message, variant: "destructive" });
  const switchTo = useMutation({
    mutationFn: (memberId: string) => apiFetch("/api/account/workspaces", { method: "POST", body: { memberId } }),
    onSuccess: () => window.location.assign("/"),
    onError,
  });
  const accept = useMutation({
    mutationFn: (invitationId: string) =>
      apiFetch(`/api/account/invitations/${invitationId}/accept`, { method: "POST" }),
    onSuccess: () => window.location.assign("/"),
    onError,
  });
  const invitations = mine.data?.invitations ?? [];
  const workspaces = mine.data?.workspaces ?? [];
  const busy = switchTo.isPending || accept.isPending;

  return (
    <DropdownMenu>
      {/* Named by what it shows, then what it does (WCAG 2.5.3: the visible text is part of the name). */}
      <DropdownMenuTrigger
        className={
          "flex w-full items-center gap-2 rounded-md px-2 py-1 text-left hover:bg-sidebar-accent " +
          "focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        }
      >
        <span className="min-w-0 flex-1">
          <span className="block text-xs font-semibold uppercase tracking-wider text-muted-foreground">Tailor</span>
          <span className="block truncate text-sm font-medium" title={workspaceName}>
            {workspaceName}
          </span>
        </span>
        {invitations.length > 0 && (
          <Badge variant="secondary">
            {invitations.length}
            <span className="sr-only"> invitation{invitations.length === 1 ? "" : "s"}</span>
          </Badge>
        )}
        <span className="sr-only">, switch workspace</span>
        <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-80">
        <DropdownMenuLabel>Your workspaces</DropdownMenuLabel>
        {mine.isPending && <p className="px-2 py-1.5 text-sm text-muted-foreground">Loading…</p>}
        {mine.isError && <p className="px-2 py-1.5 text-sm text-destructive">{mine.error.message}</p>}
        {workspaces.map((workspace) => (
          <DropdownMenuItem
            key={workspace.memberId}
            disabled={workspace.current || busy}
            onSelect={() => switchTo.mutate(workspace.memberId)}
          >
            <Check className={workspace.current ? "size-4" : "size-4 invisible"} aria-hidden />
            <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
            <span className="text-xs text-muted-foreground">{ROLE_LABELS[workspace.role]}</span>
          </DropdownMenuItem>
        ))}
        {mine.isSuccess && workspaces.length === 1 && invitations.length === 0 && (
          <p className="px-2 py-1.5 text-xs text-muted-foreground">
            An admin of another workspace can invite you; it then appears here.
          </p>
        )}
        {invitations.length > 0 && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuLabel>Invitations</DropdownMenuLabel>
            {invitations.map((invitation) => (
              <DropdownMenuItem key={invitation.id} disabled={busy} onSelect={() => accept.mutate(invitation.id)}>
                <MailPlus className="size-4" aria-hidden />
                <span className="min-w-0 flex-1 truncate">Join {invitation.workspaceName}</span>
                <span className="text-xs text-muted-foreground">{ROLE_LABELS[invitation.role]}</span>
              </DropdownMenuItem>
            ))}
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
