"use client";

import { useQuery } from "@tanstack/react-query";
import { CircleCheck, ShieldCheck } from "lucide-react";
import { apiFetch } from "@/components/api-fetch";
import { formatLag, formatPending } from "@/components/data-as-of-text";
import { formatUtc } from "@/components/format-time";
import { queryKeys } from "@/components/query-keys";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

// GET /api/admin/ingest-health as JSON (lib/profiles/intake/ingest-health.ts; dates are ISO strings).
type Lane = {
  lane: number;
  kind: "live" | "import";
  pending: number;
  oldestPendingAt: string | null;
  lastFoldedAt: string | null;
  lagMs: number;
  folded: number;
  refused: number;
};
type Health = {
  fold: { lanes: Lane[]; total: Omit<Lane, "lane" | "kind"> };
  refused: { id: string; lane: number; messageId: string | null; field: string; reason: string; at: string }[];
  openTransactions:
    | {
        pid: number;
        datname: string | null;
        state: string | null;
        xactStart: string;
        ageMs: number;
        waitEventType: string | null;
        waitEvent: string | null;
        query: string | null;
        backendXid: string | null;
        backendXmin: string | null;
      }[]
    | null;
};

const count = new Intl.NumberFormat("en");

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{title}</h2>
        </CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** The admin's view of capture and fold: lanes, refused calls, and what holds the fold back. */
export function IngestionHealth() {
  const health = useQuery({
    queryKey: queryKeys.ingest.health,
    queryFn: () => apiFetch<Health>("/api/admin/ingest-health"),
    refetchInterval: 5_000,
  });
  if (health.isPending) return <Skeleton className="h-64 w-full" />;
  if (health.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        {health.error.message}
      </p>
    );
  const { fold, refused, openTransactions } = health.data;
  return (
    <div className="grid gap-6">
      <Section
        title="Lanes"
        description={
          "Calls captured and not folded yet, per lane. Lanes 0–3 carry live traffic (each workspace always the " +
          "same lane), lane 4 imports. Lag is now minus the oldest pending arrival. Counts are the installation's: " +
          "lanes are shared by every workspace."
        }
      >
        <Table aria-label="Lanes">
          <TableHeader>
            <TableRow>
              <TableHead>Lane</TableHead>
              <TableHead className="text-right">Pending</TableHead>
              <TableHead>Oldest pending</TableHead>
              <TableHead className="text-right">Lag</TableHead>
              <TableHead>Last folded</TableHead>
              <TableHead className="text-right">Folded</TableHead>
              <TableHead className="text-right">Refused</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {fold.lanes.map((lane) => (
              <TableRow key={lane.lane}>
                <TableCell>
                  {lane.lane} <span className="text-muted-foreground">({lane.kind})</span>
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatPending(lane.pending)}</TableCell>
                <TableCell className="tabular-nums">{formatUtc(lane.oldestPendingAt)}</TableCell>
                <TableCell className="text-right tabular-nums">
                  {lane.lagMs > 0 ? formatLag(lane.lagMs) : "—"}
                </TableCell>
                <TableCell className="tabular-nums">{formatUtc(lane.lastFoldedAt, "never")}</TableCell>
                <TableCell className="text-right tabular-nums">{count.format(lane.folded)}</TableCell>
                <TableCell className="text-right tabular-nums">{count.format(lane.refused)}</TableCell>
              </TableRow>
            ))}
            <TableRow className="font-medium">
              <TableCell>All</TableCell>
              <TableCell className="text-right tabular-nums">{formatPending(fold.total.pending)}</TableCell>
              <TableCell className="tabular-nums">{formatUtc(fold.total.oldestPendingAt)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {fold.total.lagMs > 0 ? formatLag(fold.total.lagMs) : "—"}
              </TableCell>
              <TableCell className="tabular-nums">{formatUtc(fold.total.lastFoldedAt, "never")}</TableCell>
              <TableCell className="text-right tabular-nums">{count.format(fold.total.folded)}</TableCell>
              <TableCell className="text-right tabular-nums">{count.format(fold.total.refused)}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </Section>

      <Section
        title="What holds the fold back"
        description={
          "The server's oldest open transactions. The fold stores a call only once every transaction that began " +
          "before it has ended, so one left open (a long job, a forgotten psql session) delays every lane."
        }
      >
        {openTransactions === null ? (
          <p className="text-sm text-muted-foreground">
            This database server does not show its sessions (the embedded database runs one at a time), so nothing can
            be holding the fold back for long.
          </p>
        ) : openTransactions.length === 0 ? (
          <EmptyState
            icon={CircleCheck}
            title="Nothing is holding the fold back"
            description={
              "No transaction has been open for more than a second. If calls still wait, check that the " +
              "worker runs."
            }
          />
        ) : (
          <Table aria-label="Open transactions">
            <TableHeader>
              <TableRow>
                <TableHead>Process</TableHead>
                <TableHead>State</TableHead>
                <TableHead>Open for</TableHead>
                <TableHead>Waiting on</TableHead>
                <TableHead>Statement</TableHead>
                <TableHead>Holds the fold</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {openTransactions.map((t) => (
                <TableRow key={t.pid}>
                  <TableCell className="tabular-nums">
                    {t.pid}
                    {t.datname && <span className="block text-xs text-muted-foreground">{t.datname}</span>}
                  </TableCell>
                  <TableCell>{t.state ?? "—"}</TableCell>
                  <TableCell className="tabular-nums">
                    {formatLag(t.ageMs)}
                    <span className="block text-xs text-muted-foreground">since {formatUtc(t.xactStart)}</span>
                  </TableCell>
                  <TableCell>{t.waitEvent ? `${t.waitEventType ?? ""} ${t.waitEvent}`.trim() : "—"}</TableCell>
                  <TableCell className="max-w-80 font-mono text-xs break-all">{t.query || "—"}</TableCell>
                  <TableCell>
                    {t.backendXid ? (
                      <Badge variant="warning">yes (xid {t.backendXid})</Badge>
                    ) : (
                      <span className="text-muted-foreground">no (xmin {t.backendXmin})</span>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section
        title="Refused calls"
        description={
          "This workspace's latest calls the fold could not store, with the field at fault: an alias between two " +
          "known customers, a call that kept failing the fold. Calls refused at capture were answered at once."
        }
      >
        {refused.length === 0 ? (
          <EmptyState
            icon={ShieldCheck}
            title="No refused calls"
            description="Every call captured for this workspace was folded into events, rollups and traits."
          />
        ) : (
          <Table aria-label="Refused calls">
            <TableHeader>
              <TableRow>
                <TableHead>At</TableHead>
                <TableHead>Field</TableHead>
                <TableHead>Reason</TableHead>
                <TableHead>Message id</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {refused.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="whitespace-nowrap tabular-nums">{formatUtc(r.at)}</TableCell>
                  <TableCell className="font-mono text-xs">{r.field}</TableCell>
                  <TableCell>{r.reason}</TableCell>
                  <TableCell className="font-mono text-xs break-all">{r.messageId ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </div>
  );
}
