"use client";

import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import Link from "next/link";
import { apiFetch } from "@/components/api-fetch";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Progress } from "@/components/ui/progress";
import type { ImportProgress as Progress_ } from "@/lib/imports/server";
import { queryKeys } from "@/components/query-keys";

/** Polls an import until it finishes: a progress bar while it runs, then the summary. */
export function ImportProgress({ importId }: { importId: string }) {
  const progress = useQuery({
    queryKey: queryKeys.imports.detail(importId),
    queryFn: () => apiFetch<Progress_>(`/api/imports/${importId}`),
    refetchInterval: (query) => (query.state.data?.status === "running" ? 500 : false),
  });
  if (!progress.data) return <p className="text-sm text-muted-foreground">Starting…</p>;
  const p = progress.data;
  const percent = Math.round((p.processedRows / Math.max(p.totalRows, 1)) * 100);
  return (
    <div className="space-y-4">
      <div className="space-y-2">
        <div className="flex justify-between text-sm">
          <span>
            {p.status === "running"
              ? `Importing ${p.fileName}…`
              : p.status === "done"
                ? `Imported ${p.fileName}`
                : `Import of ${p.fileName} failed`}
          </span>
          <span className="tabular-nums">
            {p.processedRows.toLocaleString("en")} / {p.totalRows.toLocaleString("en")} rows
          </span>
        </div>
        <Progress value={percent} aria-label="Import progress" aria-valuetext={`${percent} %`} />
      </div>
      <dl className="grid grid-cols-3 gap-4 text-sm" aria-label="Import summary">
        {[
          ["Imported", p.acceptedRows],
          ["Already there", p.duplicateRows],
          ["Rows with errors", p.rejectedRows],
        ].map(([label, value]) => (
          <div key={label} className="rounded-md border p-3">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{Number(value).toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
      {p.status === "failed" && (
        <Alert variant="destructive" role="alert">
          <AlertTitle>The import stopped</AlertTitle>
          <AlertDescription>{p.failure}</AlertDescription>
        </Alert>
      )}
      {p.status !== "running" && (
        <div className="flex gap-2">
          {p.rejectedRows > 0 && (
            <Button asChild variant="outline">
              <a href={`/api/imports/${p.id}/errors`} download>
                <Download className="size-4" aria-hidden /> Download error report
              </a>
            </Button>
          )}
          <Button asChild>
            <Link href="/profiles">View profiles</Link>
          </Button>
        </div>
      )}
    </div>
  );
}
