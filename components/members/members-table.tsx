"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-fetch";
import { queryKeys } from "@/components/query-keys";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/use-toast";
import type { Role } from "@/lib/auth";
import { ROLE_LABELS } from "@/lib/auth";
import type { InvitationRow, MemberRow } from "@/lib/members/server";
import { RoleSelect } from "./role-select";

export function MembersTable({ currentMemberId }: { currentMemberId: string }) {
  const queryClient = useQueryClient();
  const members = useQuery({
    queryKey: queryKeys.members.all,
    queryFn: () => apiFetch<{ members: MemberRow[]; invitations: InvitationRow[] }>("/api/members"),
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: Role; active?: boolean }) =>
      apiFetch(`/api/members/${id}`, { method: "PATCH", body }),
    onSuccess: () => toast({ title: "Member updated", variant: "success" }),
    onError: (error) =>
      toast({ title: "Could not update the member", description: error.message, variant: "destructive" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members.all }),
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/invitations/${id}`, { method: "DELETE" }),
    onSuccess: () =>
      toast({ title: "Invitation withdrawn", description: "Its link no longer works.", variant: "success" }),
    onError: (error) =>
      toast({ title: "Could not withdraw the invitation", description: error.message, variant: "destructive" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members.all }),
  });

  if (members.isPending) return <Skeleton className="h-48 w-full" />;
  if (members.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        {members.error.message}
      </p>
    );

  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Member</TableHead>
          <TableHead className="w-48">Role</TableHead>
          <TableHead className="w-28">Status</TableHead>
          <TableHead className="w-32 text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {members.data.members.map((member) => {
          const self = member.id === currentMemberId;
          return (
            <TableRow key={member.id} aria-label={member.email}>
              <TableCell>
                <span className="block font-medium">
                  {member.name} {self && <span className="text-muted-foreground">(you)</span>}
                </span>
                <span className="block text-sm text-muted-foreground">{member.email}</span>
              </TableCell>
              <TableCell>
                <RoleSelect
                  aria-label={`Role of ${member.email}`}
                  className="w-40"
                  value={member.role}
                  disabled={!member.active || update.isPending}
                  onChange={(role) => update.mutate({ id: member.id, role })}
                />
              </TableCell>
              <TableCell>
                {member.active ? <Badge variant="success">Active</Badge> : <Badge variant="outline">Deactivated</Badge>}
              </TableCell>
              <TableCell className="text-right">
                {!self && (
                  <Button
                    variant={member.active ? "outline" : "secondary"}
                    size="sm"
                    disabled={update.isPending}
                    aria-label={`${member.active ? "Deactivate" : "Reactivate"} ${member.email}`}
                    onClick={() => update.mutate({ id: member.id, active: !member.active })}
                  >
                    {member.active ? "Deactivate" : "Reactivate"}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          );
        })}
        {members.data.invitations.map((invitation) => (
          <TableRow key={invitation.id} aria-label={invitation.email}>
            <TableCell>
              <span className="block font-medium">{invitation.name}</span>
              <span className="block text-sm text-muted-foreground">{invitation.email}</span>
            </TableCell>
            <TableCell className="text-sm">{ROLE_LABELS[invitation.role]}</TableCell>
            <TableCell>
              <Badge
                variant="outline"
                title={`The link works until ${new Date(invitation.expiresAt).toLocaleString()}`}
              >
                Invited
              </Badge>
            </TableCell>
            <TableCell className="text-right">
              <Button
                variant="outline"
                size="sm"
                disabled={withdraw.isPending}
                aria-label={`Withdraw the invitation of ${invitation.email}`}
                onClick={() => withdraw.mutate(invitation.id)}
              >
                Withdraw
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
