"use client";

import { useState } from "react";
import { formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TemplateChannel } from "@/lib/templates";
import type { HistoryVersion, LintSummary } from "@/lib/templates/server";
import { RestoreVersionDialog } from "./restore-version-dialog";
import { VersionDiff } from "./version-diff";

const STATUS_VARIANT = { draft: "warning", published: "success", superseded: "secondary" } as const;

function lintText(lint: LintSummary): string {
  if (!lint) return "not published yet";
  const parts = [
    lint.error > 0 && `${lint.error.toLocaleString("en")} error${lint.error === 1 ? "" : "s"}`,
    lint.warning > 0 && `${lint.warning.toLocaleString("en")} warning${lint.warning === 1 ? "" : "s"}`,
    lint.info > 0 && `${lint.info.toLocaleString("en")} note${lint.info === 1 ? "" : "s"}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "no findings";
}

/** Every version with its status and lint at publish; two radio columns pick the versions the diff below compares. */
export function VersionHistory({
  templateId,
  channel,
  versions,
  compare,
  canRestore,
}: {
  templateId: string;
  channel: TemplateChannel;
  versions: HistoryVersion[];
  compare: { a: string; b: string } | null;
  canRestore: boolean;
}) {
  const [a, setA] = useState(compare?.a ?? null);
  const [b, setB] = useState(compare?.b ?? null);
  const draft = versions.find((v) => v.status === "draft") ?? null;
  const byId = (id: string | null) => versions.find((v) => v.id === id) ?? null;
  return (
    <div className="space-y-6">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-16">From</TableHead>
            <TableHead className="w-16">To</TableHead>
            <TableHead>Version</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Author</TableHead>
            <TableHead>When</TableHead>
            <TableHead>Lint at publish</TableHead>
            {canRestore && (
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {versions.map((v) => {
            const n = v.version.toLocaleString("en");
            return (
              <TableRow
                key={v.id}
                aria-label={`Version ${n}`}
                data-selected={v.id === a || v.id === b || undefined}
                className="data-[selected]:bg-muted/40"
              >
                <TableCell>
                  <input
                    type="radio"
                    name="diff-from"
                    aria-label={`Compare from v${n}`}
                    checked={a === v.id}
                    onChange={() => setA(v.id)}
                    className="size-4 accent-primary"
                  />
                </TableCell>
                <TableCell>
                  <input
                    type="radio"
                    name="diff-to"
                    aria-label={`Compare to v${n}`}
                    checked={b === v.id}
                    onChange={() => setB(v.id)}
                    className="size-4 accent-primary"
                  />
                </TableCell>
                <TableCell className="font-medium">v{n}</TableCell>
                <TableCell>
                  <Badge variant={STATUS_VARIANT[v.status]}>{v.status}</Badge>
                </TableCell>
                <TableCell className="text-sm">{v.authorEmail}</TableCell>
                <TableCell className="text-sm whitespace-nowrap">
                  {v.publishedAt ? `published ${formatUtc(v.publishedAt)}` : `edited ${formatUtc(v.updatedAt)}`}
                </TableCell>
                <TableCell className="text-sm whitespace-nowrap text-muted-foreground">{lintText(v.lint)}</TableCell>
                {canRestore && (
                  <TableCell className="text-right">
                    {v.status !== "draft" && (
                      <RestoreVersionDialog
                        templateId={templateId}
                        versionId={v.id}
                        version={v.version}
                        draftVersion={draft?.version ?? null}
                      />
                    )}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <VersionDiff templateId={templateId} channel={channel} a={byId(a)} b={byId(b)} />
    </div>
  );
}
