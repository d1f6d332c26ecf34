"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { apiFetch } from "@/components/api-fetch";
import { formatUtc } from "@/components/format-time";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { NativeSelect } from "@/components/ui/native-select";
import { Progress } from "@/components/ui/progress";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Button } from "@/components/ui/button";
import { MESSAGE_STATUSES, skipReasonLabel } from "@/lib/delivery";
import type { CampaignDetail, CampaignMessage } from "@/lib/delivery/server";
import { queryKeys } from "@/components/query-keys";

const number = (n: number) => n.toLocaleString("en-GB");
const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${((100 * part) / whole).toFixed(1)} %`);
const LIVE = new Set(["scheduled", "sending"]);

/** Progress while sending (polled every second), skip reasons, the funnel so far and the messages. */
export function CampaignLive({ initial }: { initial: CampaignDetail }) {
  const router = useRouter();
  const { data } = useQuery({
    queryKey: queryKeys.campaigns.detail(initial.id),
    queryFn: () => apiFetch<{ campaign: CampaignDetail }>(`/api/campaigns/${initial.id}`).then((r) => r.campaign),
    initialData: initial,
    refetchInterval: (q) => (LIVE.has(q.state.data?.status ?? "") ? 1000 : false),
  });
  // The header (status, actions) is server-rendered: refresh it when the status moves on.
  useEffect(() => {
    if (data.status !== initial.status) router.refresh();
  }, [data.status, initial.status, router]);
  const p = data.progress;
  const value = p.total === 0 ? (data.status === "sent" ? 100 : 0) : Math.round((100 * p.done) / p.total);
  const f = p.funnel;
  const funnel = [
    { label: "Sent", n: f.sent, of: null },
    { label: "Delivered", n: f.delivered, of: f.sent },
    { label: "Opened", n: f.opened, of: f.delivered },
    { label: "Clicked", n: f.clicked, of: f.delivered },
    { label: "Converted", n: f.converted, of: f.delivered },
    { label: "Unsubscribed", n: f.unsubscribed, of: f.delivered },
  ];
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>Progress</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3">
          {p.total === 0 ? (
            <p className="text-sm text-muted-foreground">
              {data.status === "draft"
                ? "Nothing is queued until you launch."
                : data.status === "scheduled"
                  ? `Waiting for the first send${data.nextRunAt ? ` at ${formatUtc(data.nextRunAt)}` : ""}.`
                  : "No messages yet."}
            </p>
          ) : (
            <>
              <Progress
                value={value}
                aria-label="Send progress"
                aria-valuetext={`${value} % — ${number(p.done)} of ${number(p.total)} handled`}
              />
              <p className="text-sm tabular-nums">
                {number(p.done)} of {number(p.total)} handled ({value} %) · {number(p.delivered)} sent ·{" "}
                {number(p.skipped)} skipped · {number(p.failed)} failed
                {p.withheld > 0 && ` · ${number(p.withheld)} held out`}
                {p.queued + p.sending > 0 && ` · ${number(p.queued + p.sending)} waiting`}
              </p>
            </>
          )}
        </CardContent>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Delivery funnel so far</CardTitle>
          </CardHeader>
          <CardContent>
            <Table aria-label="Delivery funnel">
              <TableHeader>
                <TableRow>
                  <TableHead>Stage</TableHead>
                  <TableHead className="text-right">Messages</TableHead>
                  <TableHead className="text-right">Rate</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {funnel.map((row) => (
                  <TableRow key={row.label}>
                    <TableCell>{row.label}</TableCell>
                    <TableCell className="text-right tabular-nums">{number(row.n)}</TableCell>
                    <TableCell className="text-right tabular-nums text-muted-foreground">
                      {row.of === null ? "" : percent(row.n, row.of)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <p className="mt-2 text-xs text-muted-foreground">
              Rates per delivered message; opens, clicks and conversions count once per message.
            </p>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Skipped, and why</CardTitle>
          </CardHeader>
          <CardContent>
            {p.skipReasons.length === 0 ? (
              <p className="text-sm text-muted-foreground">
                Nobody skipped so far. Profiles without consent, address, or over a frequency cap would be listed here
                with the reason.
              </p>
            ) : (
              <Table aria-label="Skip reasons">
                <TableHeader>
                  <TableRow>
                    <TableHead>Reason</TableHead>
                    <TableHead className="text-right">Profiles</TableHead>
                    <TableHead className="text-right">Share</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {p.skipReasons.map((r) => (
                    <TableRow key={r.reason}>
                      <TableCell>{skipReasonLabel(r.reason)}</TableCell>
                      <TableCell className="text-right tabular-nums">{number(r.count)}</TableCell>
                      <TableCell className="text-right tabular-nums text-muted-foreground">
                        {percent(r.count, p.total)}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      </div>

      {p.total > 0 && <MessagesList campaignId={data.id} live={LIVE.has(data.status)} />}
    </div>
  );
}

const PAGE_SIZE = 25;

function MessagesList({ campaignId, live }: { campaignId: string; live: boolean }) {
  const [status, setStatus] = useState("");
  const [page, setPage] = useState(0);
  const { data } = useQuery({
    // `live` in the key: when the send finishes, the list is read once more, not left as it was
    // at the last poll (messages still "sending").
    queryKey: queryKeys.campaigns.messages(campaignId, status, page, live),
    queryFn: () =>
      apiFetch<{ messages: CampaignMessage[]; total: number }>(
        `/api/campaigns/${campaignId}/messages?page=${page}&pageSize=${PAGE_SIZE}${status ? `&status=${status}` : ""}`,
      ),
    placeholderData: keepPreviousData,
    refetchInterval: live ? 2000 : false,
  });
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));
  return (
    <Card>
      <CardHeader className="flex flex-row items-center justify-between gap-4">
        <CardTitle>Messages</CardTitle>
        <label className="flex items-center gap-2 text-sm">
          Status
          <NativeSelect value={status} onChange={(e) => (setStatus(e.target.value), setPage(0))}>
            <option value="">All</option>
            {MESSAGE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </NativeSelect>
        </label>
      </CardHeader>
      <CardContent>
        <Table aria-label="Messages">
          <TableHeader>
            <TableRow>
              <TableHead>Profile</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Variant</TableHead>
              <TableHead>Detail</TableHead>
              <TableHead>Sent</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(data?.messages ?? []).map((m) => (
              <TableRow key={m.id}>
                <TableCell>
                  <Link className="underline-offset-2 hover:underline" href={`/profiles/${m.profileId}`}>
                    {m.email ?? m.profileId}
                  </Link>
                </TableCell>
                <TableCell>{m.status}</TableCell>
                <TableCell>{m.variantId ?? "–"}</TableCell>
                <TableCell className="max-w-xs truncate text-muted-foreground" title={m.detail ?? undefined}>
                  {m.skipReason ? skipReasonLabel(m.skipReason) : (m.detail ?? "")}
                </TableCell>
                <TableCell className="tabular-nums text-muted-foreground">{formatUtc(m.sentAt, "")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <div className="mt-3 flex items-center justify-end gap-2 text-sm">
          <span className="text-muted-foreground tabular-nums">
            Page {page + 1} of {pages} · {number(data?.total ?? 0)} messages
          </span>
          <Button variant="outline" size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>
            Previous
          </Button>
          <Button variant="outline" size="sm" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>
            Next
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
