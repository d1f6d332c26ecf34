"use client";

import { useMemo, useState } from "react";
import { DataTable } from "@/components/ui/data-table";
import type { TemplateChannel } from "@/lib/templates";
import type { OutboxRow } from "@/lib/delivery/server";
import { outboxColumns, outboxDetailId } from "./outbox-columns";
import { OutboxMessage } from "./outbox-message";

/**
 * The sandbox outbox, newest first, a page at a time behind the `before` cursor (the page reads
 * `before` and `size` from the URL); a row opens to the message as rendered for its recipient.
 */
export function OutboxTable({ messages, nextBefore }: { messages: OutboxRow[]; nextBefore: string | null }) {
  const [open, setOpen] = useState<string | null>(null);
  const columns = useMemo(() => outboxColumns(open, setOpen), [open]);
  return (
    <DataTable
      columns={columns}
      data={messages}
      label="Outbox"
      noun={{ one: "message", other: "messages" }}
      getRowId={(m) => m.id}
      paging={{ mode: "cursor", pages: { param: "before", next: nextBefore } }}
      reload="server"
      detailId={outboxDetailId}
      renderDetail={(m) =>
        open === m.id && (
          <>
            <OutboxMessage channel={m.channel as TemplateChannel} rendered={m.rendered} />
            {m.preferencesUrl && (
              <p className="mt-3 text-sm">
                <a href={m.preferencesUrl} className="text-primary underline-offset-2 hover:underline">
                  Open this recipient&apos;s preference page
                </a>{" "}
                <span className="text-muted-foreground">(where the message&apos;s unsubscribe link leads)</span>
              </p>
            )}
          </>
        )
      }
    />
  );
}
