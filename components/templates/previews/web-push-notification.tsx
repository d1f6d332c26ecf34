"use client";

import { MoreHorizontal, X } from "lucide-react";
import { useState } from "react";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { WEB_PUSH_SPEC, type Surface } from "@/lib/templates";
import type { Finding } from "@/lib/templates";
import { specField } from "../spec-field";
import { AppIcon } from "./app-icon";
import { CutText } from "./cut-text";
import { PreviewFindings } from "./preview-findings";

const TITLE = specField(WEB_PUSH_SPEC, "title");
const BODY = specField(WEB_PUSH_SPEC, "body");
const MAX_ACTIONS = specField(WEB_PUSH_SPEC, "actions").maxItems ?? 0;
type Os = Extract<Surface, "chrome_macos" | "chrome_windows">;

/** Chrome's logo in CSS: the browser, not the site, is who shows a web push. */
function ChromeLogo({ className }: { className: string }) {
  return (
    <span
      className={
        `relative inline-block shrink-0 rounded-full ` +
        `bg-[conic-gradient(from_-30deg,#db4437_0_120deg,#f4b400_120deg_240deg,#0f9d58_240deg_360deg)] ${className}`
      }
      aria-hidden
    >
      <span className="absolute inset-[22%] rounded-full border-2 border-white bg-[#4285f4]" />
    </span>
  );
}

/**
 * A web push as Chrome shows it through the operating system: a macOS notification banner or a
 * Windows toast. Both cut the text at the spec's visible lengths and show at most the spec's
 * number of action buttons.
 */
export function WebPushNotification({
  title,
  body,
  site,
  iconUrl,
  imageUrl,
  actions,
  findings,
}: {
  title: string;
  body: string;
  /** The origin shown as the sender, e.g. shop.example.com. */
  site: string;
  iconUrl?: string;
  imageUrl?: string;
  actions: readonly { label: string }[];
  findings?: readonly Finding[];
}) {
  const [os, setOs] = useState<Os>("chrome_macos");
  const shown = actions.slice(0, MAX_ACTIONS);
  const dropped = actions.length - shown.length;
  const icon = iconUrl ? (
    <img src={iconUrl} alt="" className="size-10 shrink-0 rounded-md object-cover" />
  ) : (
    <AppIcon name={site} className="size-10 rounded-md text-base" />
  );
  const text = (
    <>
      <p className="font-semibold break-words">
        <CutText text={title} limit={TITLE.visible?.[os]} />
      </p>
      <p className="break-words">
        <CutText text={body} limit={BODY.visible?.[os]} />
      </p>
    </>
  );
  return (
    <div className="w-[420px] max-w-full">
      <Tabs value={os} onValueChange={(v) => setOs(v as Os)}>
        <TabsList aria-label="Web push platform">
          <TabsTrigger value="chrome_macos" switchesView>
            macOS
          </TabsTrigger>
          <TabsTrigger value="chrome_windows" switchesView>
            Windows
          </TabsTrigger>
        </TabsList>
      </Tabs>
      <figure
        aria-label={`Web push preview, ${os === "chrome_macos" ? "Chrome on macOS" : "Chrome on Windows"}`}
        className="mt-2"
      >
        {os === "chrome_macos" ? (
          <div
            className={
              "flex h-[260px] justify-end rounded-lg " + "bg-[linear-gradient(135deg,#89a7d8,#c7b2de_55%,#f2c6a8)] p-3"
            }
          >
            <div
              className={
                "flex h-fit w-[344px] gap-2.5 rounded-2xl bg-neutral-100/85 p-3 text-[13px] leading-[17px] " +
                "text-neutral-900 shadow-lg ring-1 ring-black/10 backdrop-blur-xl"
              }
            >
              <ChromeLogo className="size-9" />
              <div className="min-w-0 flex-1">
                <div className="flex justify-between gap-2 text-[11px] text-neutral-500">
                  <span className="truncate">{site}</span>
                  <span>now</span>
                </div>
                {text}
                {shown.length > 0 && (
                  <div className="mt-2 flex gap-1.5">
                    {shown.map((a, i) => (
                      <span
                        key={i}
                        className={
                          "min-w-0 flex-1 truncate rounded-md bg-white/90 px-2 py-1 text-center text-[11px] " +
                          "font-medium shadow-xs ring-1 ring-black/5"
                        }
                      >
                        {a.label}
                      </span>
                    ))}
                  </div>
                )}
              </div>
              {icon}
            </div>
          </div>
        ) : (
          <div
            className={
              "flex h-[360px] items-end justify-end rounded-lg " +
              "bg-[radial-gradient(90%_90%_at_70%_20%,#5b8def,#173a8a_60%,#0b1d4a)] p-3"
            }
          >
            <div
              className={
                "w-[364px] rounded-lg bg-[#2b2b2b] p-3 text-[13px] leading-[18px] text-white shadow-2xl " +
                "ring-1 ring-white/10"
              }
            >
              <div className="flex items-center gap-2 text-[12px] text-neutral-300">
                <ChromeLogo className="size-4" />
                <span>Google Chrome</span>
                <MoreHorizontal className="ml-auto size-4" aria-hidden />
                <X className="size-4" aria-hidden />
              </div>
              {imageUrl && <img src={imageUrl} alt="" className="mt-2 h-32 w-full rounded object-cover" />}
              <div className="mt-2 flex gap-3">
                {icon}
                <div className="min-w-0 flex-1">
                  {text}
                  <p className="text-[12px] text-neutral-400">{site}</p>
                </div>
              </div>
              {shown.length > 0 && (
                <div className="mt-3 flex gap-2">
                  {shown.map((a, i) => (
                    <span key={i} className="flex-1 truncate rounded bg-[#3d3d3d] px-2 py-1.5 text-center text-[12px]">
                      {a.label}
                    </span>
                  ))}
                </div>
              )}
            </div>
          </div>
        )}
        {dropped > 0 && (
          <figcaption className="mt-2 text-xs font-medium text-destructive">
            {dropped} more {dropped === 1 ? "action is" : "actions are"} not shown: Chrome shows at most {MAX_ACTIONS}.
          </figcaption>
        )}
      </figure>
      <PreviewFindings findings={findings} />
    </div>
  );
}
