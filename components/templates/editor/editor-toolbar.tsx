"use client";

import { History, Inbox, Loader2, Rocket, Send } from "lucide-react";
import Link from "next/link";
import { SaveStatus } from "@/components/save-status";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DisabledReason } from "@/components/ui/disabled-reason";
import type { SaveState } from "@/components/use-autosave";
import type { ChannelSpec, Finding } from "@/lib/templates";
import { fieldLabel } from "../field-label";

export type PublishError = { message: string; findings: Finding[] };

/** What holds publishing back: the draft must be saved first. */
function publishBlocker(state: SaveState): string | null {
  if (state.status === "saved") return null;
  if (state.status === "invalid") return "Fix the highlighted fields to publish.";
  if (state.status === "error") return "The draft did not save: publishing waits for it.";
  return "Publishing waits for the draft to save.";
}

/** The bar over the editor: save status, versions, history and outbox, "Send test" and Publish. */
export function EditorToolbar({
  templateId,
  canEdit,
  state,
  draftVersion,
  publishedVersion,
  testBlocker,
  onSendTest,
  sending,
  onPublish,
  publishing,
}: {
  templateId: string;
  canEdit: boolean;
  state: SaveState;
  draftVersion: number | null;
  publishedVersion: number | null;
  testBlocker: string | null;
  onSendTest: () => void;
  sending: boolean;
  onPublish: () => void;
  publishing: boolean;
}) {
  const blocker = publishBlocker(state);
  return (
    <div
      className={
        "sticky top-0 z-10 -mx-1 mb-4 flex flex-wrap items-center justify-between gap-3 " +
        "bg-background/95 px-1 py-2 backdrop-blur"
      }
    >
      <div className="flex flex-wrap items-center gap-3">
        {canEdit ? <SaveStatus state={state} /> : <Badge variant="secondary">Read only</Badge>}
        <span className="text-sm text-muted-foreground">
          {draftVersion !== null ? `Draft v${draftVersion}` : "No draft"} ·{" "}
          {publishedVersion !== null ? `published v${publishedVersion}` : "never published"}
        </span>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button asChild variant="ghost" size="sm">
          <Link href={`/templates/${templateId}/history`}>
            <History className="size-4" aria-hidden /> History
          </Link>
        </Button>
        <Button asChild variant="ghost" size="sm">
          <Link href="/outbox">
            <Inbox className="size-4" aria-hidden /> Outbox
          </Link>
        </Button>
        {canEdit && (
          <>
            <DisabledReason reason={testBlocker}>
              <Button variant="outline" size="sm" disabled={testBlocker !== null || sending} onClick={onSendTest}>
                <Send className="size-4" aria-hidden /> Send test
              </Button>
            </DisabledReason>
            <DisabledReason reason={blocker}>
              <Button size="sm" disabled={publishing || blocker !== null} onClick={onPublish}>
                {publishing ? (
                  <Loader2 className="size-4 animate-spin" aria-hidden />
                ) : (
                  <Rocket className="size-4" aria-hidden />
                )}{" "}
                Publish
              </Button>
            </DisabledReason>
          </>
        )}
      </div>
    </div>
  );
}

/** Why publishing was refused, with the lint errors that block it. */
export function PublishErrorAlert({ error, spec }: { error: PublishError; spec: ChannelSpec }) {
  return (
    <Alert variant="destructive" role="alert" className="mb-4">
      <AlertTitle>Not published</AlertTitle>
      <AlertDescription>
        <p>{error.message}</p>
        {error.findings.length > 0 && (
          <ul className="mt-1 list-disc pl-5">
            {error.findings.map((f, i) => (
              <li key={i}>
                {f.field
                  ? `${fieldLabel(spec, f.field)}${f.line ? ` (line ${f.line}, column ${f.column})` : ""}: `
                  : ""}
                {f.message}
              </li>
            ))}
          </ul>
        )}
      </AlertDescription>
    </Alert>
  );
}
