"use client";

import { ChevronDown, ChevronRight } from "lucide-react";
import Link from "next/link";
import { Fragment, useState } from "react";
import { formatUtc } from "@/components/format-time";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { TemplateChannel } from "@/lib/templates";
import type { OutboxRow } from "@/lib/delivery/server";
import { OutboxMessage } from "./outbox-message";
import { TemplateChannelIcon } from "./template-channel-icon";

/** The sandbox outbox, newest first; a row opens to the message as rendered for its recipient. */
export function OutboxTable({ messages }: { messages: OutboxRow[] }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-10">
            <span className="sr-only">Message</span>
          </TableHead>
          <TableHead>When</TableHead>
          <TableHead>Template</TableHead>
          <TableHead>Campaign</TableHead>
          <TableHead>Channel</TableHead>
          <TableHead>Profile</TableHead>
          <TableHead>Locale</TableHead>
          <TableHead>Sent by</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {messages.map((m) => {
          const expanded = open === m.id;
          const name = m.templateName ?? (m.templateId ? "Deleted template" : "No template");
          return (
            <Fragment key={m.id}>
              <TableRow>
                <TableCell>
                  <Button
                    variant="ghost"
                    size="icon"
                    className="size-7"
                    aria-expanded={expanded}
                    aria-controls={`outbox-${m.id}`}
                    aria-label={`${expanded ? "Hide" : "Show"} the message sent ${formatUtc(m.createdAt)} (${name})`}
                    onClick={() => setOpen(expanded ? null : m.id)}
                  >
                    {expanded ? (
                      <ChevronDown className="size-4" aria-hidden />
                    ) : (
                      <ChevronRight className="size-4" aria-hidden />
                    )}
                  </Button>
                </TableCell>
                <TableCell className="text-sm whitespace-nowrap">{formatUtc(m.createdAt)}</TableCell>
                <TableCell className="text-sm whitespace-nowrap">
                  {m.templateName ? (
                    <Link href={`/templates/${m.templateId}`} className="font-medium text-primary hover:underline">
                      {m.templateName}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">{name}</span>
                  )}{" "}
                  {m.version !== null && (
                    <span className="text-muted-foreground">v{m.version.toLocaleString("en")}</span>
                  )}
                </TableCell>
                <TableCell className="text-sm whitespace-nowrap">
                  {m.kind === "campaign" ? (
                    m.campaignId && m.campaignName ? (
                      <Link href={`/campaigns/${m.campaignId}`} className="text-primary hover:underline">
                        {m.campaignName}
                      </Link>
                    ) : (
                      <span className="text-muted-foreground">Campaign delivery</span>
                    )
                  ) : (
                    <Badge variant="outline">Test send</Badge>
                  )}
                </TableCell>
                <TableCell className="text-sm whitespace-nowrap">
                  <TemplateChannelIcon channel={m.channel as TemplateChannel} showLabel />
                </TableCell>
                <TableCell className="text-sm">
                  {m.profileLabel ? (
                    <Link href={`/profiles/${m.profileId}`} className="text-primary hover:underline">
                      {m.profileLabel}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">deleted profile</span>
                  )}
                </TableCell>
                <TableCell className="text-sm whitespace-nowrap">
                  <Badge variant={m.locale === "default" ? "secondary" : "outline"}>{m.locale}</Badge>
                  {m.fallbackFrom && (
                    <span
                      className="ml-1.5 text-xs text-muted-foreground"
                      title={`The profile's locale ${m.fallbackFrom} is not in the template, so it read ${m.locale}.`}
                    >
                      {`for ${m.fallbackFrom}`}
                    </span>
                  )}
                </TableCell>
                <TableCell className="text-sm">{m.createdBy}</TableCell>
              </TableRow>
              {expanded && (
                <TableRow id={`outbox-${m.id}`} className="hover:bg-transparent">
                  <TableCell colSpan={8} className="bg-muted/20 p-4">
                    <OutboxMessage channel={m.channel as TemplateChannel} rendered={m.rendered} />
                    {m.preferencesUrl && (
                      <p className="mt-3 text-sm">
                        <a href={m.preferencesUrl} className="text-primary underline-offset-2 hover:underline">
                          Open this recipient&apos;s preference page
                        </a>{" "}
                        <span className="text-muted-foreground">(where the message&apos;s unsubscribe link leads)</span>
                      </p>
                    )}
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}
