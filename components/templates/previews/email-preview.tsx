"use client";

import { Mail, Monitor, Smartphone, Star } from "lucide-react";
import { useState } from "react";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { Finding } from "@/lib/templates";
import { PreviewFindings } from "./preview-findings";

/*
 * The message's HTML is the sender's, so it is shown as hostile: `sandbox=""` (no scripts, no
 * same origin, no forms, no popups, no top navigation) and a CSP of its own at the top of the
 * document that loads nothing but https/data images, inline styles and fonts. The meta goes
 * right after any doctype, before everything else, so the parser puts it first in <head> and it
 * governs the whole document.
 */
const CSP =
  `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: ` +
  `data:; style-src 'unsafe-inline'; font-src https: data:">`;
const WIDTHS = { desktop: 640, mobile: 375 } as const;
type Width = keyof typeof WIDTHS;

function withCsp(html: string): string {
  return html.replace(/^(\s*<!doctype[^>]*>)?/i, (doctype) => doctype + CSP);
}

/** An e-mail as an inbox shows it: the inbox row (sender, subject, preheader) over the message. */
export function EmailPreview({
  fromName,
  subject,
  preheader,
  html,
  findings,
}: {
  /** The template's From name; without one the provider's is used, which the preview does not know. */
  fromName?: string;
  subject: string;
  preheader?: string;
  /** The rendered HTML document. */
  html: string;
  findings?: readonly Finding[];
}) {
  const [width, setWidth] = useState<Width>("desktop");
  return (
    <figure aria-label="E-mail preview" className="min-w-0">
      <div className="mb-2 flex items-center justify-between gap-2">
        <Tabs value={width} onValueChange={(v) => setWidth(v as Width)}>
          <TabsList aria-label="E-mail width">
            <TabsTrigger value="desktop" switchesView>
              <Monitor className="size-3.5" aria-hidden /> Desktop ({WIDTHS.desktop} px)
            </TabsTrigger>
            <TabsTrigger value="mobile" switchesView>
              <Smartphone className="size-3.5" aria-hidden /> Mobile ({WIDTHS.mobile} px)
            </TabsTrigger>
          </TabsList>
        </Tabs>
      </div>
      <div className="overflow-x-auto rounded-lg border bg-neutral-100 p-3">
        <div
          className="mx-auto overflow-hidden rounded-md border border-neutral-200 bg-white text-neutral-900 shadow-sm"
          style={{ width: WIDTHS[width] }}
        >
          <div
            className="flex items-start gap-3 border-b border-neutral-200 bg-white px-4 py-3"
            aria-label="Inbox row"
            role="group"
          >
            <span
              className={
                "flex size-9 shrink-0 items-center justify-center rounded-full bg-indigo-600 text-sm " +
                "font-semibold text-white"
              }
              aria-hidden
            >
              {fromName ? fromName.trim().charAt(0).toUpperCase() : <Mail className="size-4" />}
            </span>
            <div className="min-w-0 flex-1 text-[13px] leading-5">
              <div className="flex items-baseline justify-between gap-2">
                {fromName ? (
                  <span className="truncate font-semibold">{fromName}</span>
                ) : (
                  <span className="truncate italic text-neutral-500">The e-mail provider&apos;s From name</span>
                )}
                <span className="shrink-0 text-[12px] text-neutral-500">9:41</span>
              </div>
              <p className="truncate font-semibold">{subject}</p>
              {preheader && <p className="truncate text-neutral-500">{preheader}</p>}
            </div>
            <Star className="mt-1 size-4 shrink-0 text-neutral-400" aria-hidden />
          </div>
          <iframe
            title="E-mail body"
            sandbox=""
            srcDoc={withCsp(html)}
            referrerPolicy="no-referrer"
            className="block h-[640px] w-full border-0 bg-white"
          />
        </div>
      </div>
      <PreviewFindings findings={findings} />
    </figure>
  );
}
