"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-fetch";
import { FormAlert } from "@/components/form-messages";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { CHANNEL_SPECS, type TemplateChannel, sideBySide, type SideCell } from "@/lib/templates";
import type { FieldChange, LocaleDiff, VersionSummary } from "@/lib/templates/server";
import { fieldLabel } from "./field-label";
import { queryKeys } from "@/components/query-keys";

const CHANGE_VARIANT = { added: "success", removed: "destructive", changed: "warning" } as const;
// The sign and the words carry the meaning; the tint only helps the eye.
const CELL = {
  equal: { sign: " ", word: "Unchanged", tone: "" },
  remove: { sign: "−", word: "Removed", tone: "bg-destructive/10" },
  add: { sign: "+", word: "Added", tone: "bg-success/10" },
} as const;

function Cell({ cell }: { cell: SideCell | null }) {
  if (!cell) return <td className="bg-muted/40" aria-label="No line" colSpan={2} />;
  const { sign, word, tone } = CELL[cell.op];
  return (
    <>
      <td className={cn("w-10 pr-2 text-right align-top text-muted-foreground select-none", tone)} aria-hidden>
        {cell.line}
      </td>
      <td className={cn("align-top break-words whitespace-pre-wrap", tone)}>
        <span className="sr-only">{`${word} line ${cell.line}: `}</span>
        <span className="mr-2 inline-block w-3 font-bold select-none" aria-hidden>
          {sign}
        </span>
        {cell.text}
      </td>
    </>
  );
}

function FieldDiff({ change, label, a, b }: { change: FieldChange; label: string; a: string; b: string }) {
  const rows = sideBySide(change.lines);
  return (
    <figure className="overflow-hidden rounded-md border">
      <figcaption className="flex items-center gap-2 border-b bg-muted/50 px-3 py-1.5 text-sm font-medium">
        {label}
        <Badge variant={CHANGE_VARIANT[change.change]}>{change.change}</Badge>
        {change.kind === "json" && <span className="text-xs font-normal text-muted-foreground">compared as JSON</span>}
      </figcaption>
      <table className="w-full table-fixed font-mono text-xs">
        <caption className="sr-only">{`${label}: ${a} on the left, ${b} on the right`}</caption>
        <colgroup>
          <col className="w-10" />
          <col />
          <col className="w-10" />
          <col />
        </colgroup>
        <thead className="sr-only">
          <tr>
            <th scope="col" colSpan={2}>
              {a}
            </th>
            <th scope="col" colSpan={2}>
              {b}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) =>
            row.kind === "skip" ? (
              <tr key={i}>
                <td colSpan={4} className="bg-muted/30 px-3 py-0.5 text-center text-muted-foreground">
                  {`⋯ ${row.count.toLocaleString("en")} unchanged line${row.count === 1 ? "" : "s"}`}
                </td>
              </tr>
            ) : (
              <tr key={i} className="[&>td]:py-0.5">
                <Cell cell={row.left} />
                <Cell cell={row.right} />
              </tr>
            ),
          )}
        </tbody>
      </table>
    </figure>
  );
}

function LocaleSection({ diff, channel, a, b }: { diff: LocaleDiff; channel: TemplateChannel; a: string; b: string }) {
  const name = diff.locale === "default" ? "Default locale" : `Locale ${diff.locale}`;
  return (
    <section aria-label={name} className="space-y-3">
      <h3 className="flex items-center gap-2 text-sm font-semibold">
        {name}
        {diff.change !== "changed" && <Badge variant={CHANGE_VARIANT[diff.change]}>{diff.change}</Badge>}
      </h3>
      {diff.fields.map((f) => (
        <FieldDiff key={f.field} change={f} label={fieldLabel(CHANNEL_SPECS[channel], f.field)} a={a} b={b} />
      ))}
    </section>
  );
}

/** What changed between two versions, per locale and field, old on the left and new on the right. */
export function VersionDiff({
  templateId,
  channel,
  a,
  b,
}: {
  templateId: string;
  channel: TemplateChannel;
  a: VersionSummary | null;
  b: VersionSummary | null;
}) {
  const ready = Boolean(a && b && a.id !== b.id);
  const diff = useQuery({
    queryKey: queryKeys.templates.diff(templateId, a?.id, b?.id),
    queryFn: ({ signal }) =>
      apiFetch<{ diff: { locales: LocaleDiff[] } }>(`/api/templates/${templateId}/diff?a=${a!.id}&b=${b!.id}`, {
        signal,
      }),
    enabled: ready,
  });
  const nameA = a ? `v${a.version.toLocaleString("en")} (${a.status})` : "";
  const nameB = b ? `v${b.version.toLocaleString("en")} (${b.status})` : "";
  return (
    <section aria-labelledby="version-diff-title" className="space-y-4">
      <div className="flex items-baseline justify-between gap-4 border-b pb-2">
        <h2 id="version-diff-title" className="text-lg font-semibold">
          {ready ? `Changes from ${nameA} to ${nameB}` : "Changes"}
        </h2>
        {ready && (
          <p className="text-xs text-muted-foreground">
            <span aria-hidden>−</span> removed · <span aria-hidden>+</span> added
          </p>
        )}
      </div>
      {!ready ? (
        <p className="text-sm text-muted-foreground">
          {a && b
            ? "Pick two different versions to compare."
            : "Pick a version in the From column and one in the To column."}
        </p>
      ) : diff.isPending ? (
        <Skeleton className="h-40" label="Loading the changes…" />
      ) : diff.isError ? (
        <FormAlert message={diff.error.message} />
      ) : diff.data.diff.locales.length === 0 ? (
        <p className="text-sm text-muted-foreground">{`${nameA} and ${nameB} have the same content.`}</p>
      ) : (
        diff.data.diff.locales.map((l) => (
          <LocaleSection key={l.locale} diff={l} channel={channel} a={nameA} b={nameB} />
        ))
      )}
    </section>
  );
}
