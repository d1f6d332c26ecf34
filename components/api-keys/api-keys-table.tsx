"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import { apiFetch } from "@/components/api-fetch";
import { queryKeys } from "@/components/query-keys";
import { formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/use-toast";
import type { ApiKeyRow } from "@/lib/api-keys/server";

export function ApiKeysTable() {
  const queryClient = useQueryClient();
  const keys = useQuery({
    queryKey: queryKeys.apiKeys.all,
    queryFn: () => apiFetch<{ apiKeys: ApiKeyRow[] }>("/api/api-keys"),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/api-keys/${id}`, { method: "DELETE" }),
    onSuccess: () =>
      toast({ title: "API key revoked", description: "Requests with it now get 401.", variant: "success" }),
    onError: (error) =>
      toast({ title: "Could not revoke the key", description: error.message, variant: "destructive" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys.all }),
  });

  if (keys.isPending) return <Skeleton className="h-32 w-full" />;
  if (keys.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        {keys.error.message}
      </p>
    );
  if (keys.data.apiKeys.length === 0) {
    return (
      <EmptyState
        icon={KeyRound}
        title="No API keys yet"
        description={
          "Create a key, then send events from your site, app or backend: any Segment-compatible SDK " +
          "works by pointing it at this server with the key as its write key."
        }
      />
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Name</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead>Key</TableHead>
          <TableHead>Created</TableHead>
          <TableHead>Last used</TableHead>
          <TableHead className="w-28">Status</TableHead>
          <TableHead className="w-28 text-right">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {keys.data.apiKeys.map((key) => (
          <TableRow key={key.id} aria-label={key.name}>
            <TableCell className="font-medium">{key.name}</TableCell>
            <TableCell>
              <Badge
                variant={key.kind === "client" ? "secondary" : "outline"}
                title={
                  key.kind === "client"
                    ? "Publishable: reads the in-app inbox only"
                    : "Secret write key for the ingestion API"
                }
              >
                {key.kind === "client" ? "Client (publishable)" : "Server"}
              </Badge>
            </TableCell>
            <TableCell className="font-mono text-xs">{key.prefix}…</TableCell>
            <TableCell className="tabular-nums">{formatUtc(key.createdAt)}</TableCell>
            <TableCell className="tabular-nums">{formatUtc(key.lastUsedAt, "never")}</TableCell>
            <TableCell>
              {key.revokedAt ? <Badge variant="outline">Revoked</Badge> : <Badge variant="success">Active</Badge>}
            </TableCell>
            <TableCell className="text-right">
              {!key.revokedAt && (
                <Button
                  variant="outline"
                  size="sm"
                  aria-label={`Revoke ${key.name}`}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate(key.id)}
                >
                  Revoke
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
