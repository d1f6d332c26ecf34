import { ImageIcon, Menu, Search, ShoppingBag, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { IN_APP_SPEC, type IN_APP_LAYOUTS } from "@/lib/templates";
import type { Finding } from "@/lib/templates";
import { specField } from "../spec-field";
import { CutText } from "./cut-text";
import { PhoneFrame } from "./phone-frame";
import { PreviewFindings } from "./preview-findings";

type Layout = (typeof IN_APP_LAYOUTS)[number];
const TITLE = specField(IN_APP_SPEC, "title");
const BODY = specField(IN_APP_SPEC, "body");
const MAX_BUTTONS = specField(IN_APP_SPEC, "buttons").maxItems ?? 0;

/** The host app behind the message, greyed out: the message is seen over it, not alone. */
function AppBackdrop({ appName }: { appName: string }) {
  return (
    <div className="flex flex-1 flex-col px-4" aria-hidden>
      <div className="flex items-center justify-between py-2 text-neutral-900">
        <Menu className="size-5" />
        <span className="text-[15px] font-semibold">{appName}</span>
        <ShoppingBag className="size-5" />
      </div>
      <div className="flex items-center gap-2 rounded-full bg-neutral-100 px-3 py-2 text-[12px] text-neutral-400">
        <Search className="size-3.5" /> Search products
      </div>
      <div className="mt-4 grid grid-cols-2 gap-3">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i}>
            <div className="h-24 rounded-xl bg-neutral-200" />
            <div className="mt-1.5 h-2.5 w-3/4 rounded bg-neutral-200" />
            <div className="mt-1 h-2.5 w-1/3 rounded bg-neutral-200" />
          </div>
        ))}
      </div>
    </div>
  );
}

/** An in-app message drawn by Tailor's SDK over the app: a modal, a top banner or a bottom card. */
export function InAppFrame({
  layout,
  title,
  body,
  imageUrl,
  buttons,
  appName,
  findings,
}: {
  layout: Layout;
  title: string;
  body: string;
  imageUrl?: string;
  buttons: readonly { label: string }[];
  appName: string;
  findings?: readonly Finding[];
}) {
  const shown = buttons.slice(0, MAX_BUTTONS);
  const dropped = buttons.length - shown.length;
  const image = (className: string) =>
    imageUrl ? (
      <img src={imageUrl} alt="" className={cn("object-cover", className)} />
    ) : (
      <span className={cn("flex items-center justify-center bg-neutral-200 text-neutral-400", className)} aria-hidden>
        <ImageIcon className="size-6" />
      </span>
    );
  const text = (
    <>
      <p className="font-semibold break-words">
        <CutText text={title} limit={TITLE.visible?.[layout]} />
      </p>
      <p
        className={cn(
          "break-words",
          layout === "banner" ? "text-[12px] text-white/85" : "mt-1 text-[13px] text-neutral-600",
        )}
      >
        <CutText text={body} limit={BODY.visible?.[layout]} />
      </p>
    </>
  );
  const actions = shown.length > 0 && (
    <div className={cn("flex gap-2", layout === "modal" ? "mt-4 flex-col" : "mt-3")}>
      {shown.map((b, i) => (
        <span
          key={i}
          className={cn(
            // A banner is one line of text tall, so its buttons are compact pills, not full-width.
            "truncate rounded-full text-center font-semibold",
            layout === "banner" ? "shrink-0 px-3 py-1 text-[12px]" : "flex-1 px-3 py-2 text-[13px]",
            i === 0
              ? layout === "banner"
                ? "bg-white text-neutral-900"
                : "bg-indigo-600 text-white"
              : layout === "banner"
                ? "border border-white/50 text-white"
                : "border border-neutral-300 text-neutral-800",
          )}
        >
          {b.label}
        </span>
      ))}
    </div>
  );
  return (
    <PhoneFrame
      label={`In-app ${layout} preview`}
      os="ios"
      footer={
        <>
          {dropped > 0 && (
            <p className="text-xs font-medium text-destructive">
              {dropped} more {dropped === 1 ? "button is" : "buttons are"} not shown: at most {MAX_BUTTONS} fit.
            </p>
          )}
          <PreviewFindings findings={findings} />
        </>
      }
    >
      <AppBackdrop appName={appName} />
      {layout === "modal" && (
        <div className="absolute inset-0 z-20 flex items-center justify-center bg-black/50 p-6">
          <div className="relative w-full overflow-hidden rounded-2xl bg-white text-neutral-900 shadow-xl">
            <span
              className={
                "absolute top-2 right-2 flex size-7 items-center justify-center rounded-full bg-black/40 " +
                "text-white"
              }
              aria-hidden
            >
              <X className="size-4" />
            </span>
            {image("h-32 w-full")}
            <div className="p-4 text-center text-[15px]">
              {text}
              {actions}
            </div>
          </div>
        </div>
      )}
      {layout === "banner" && (
        <div
          className={
            "absolute inset-x-2 top-12 z-20 flex gap-3 rounded-2xl bg-neutral-900/95 p-3 text-[13px] " +
            "text-white shadow-xl"
          }
        >
          {imageUrl && image("size-12 shrink-0 rounded-lg")}
          <div className="min-w-0 flex-1">
            {text}
            {actions}
          </div>
          <X className="size-4 shrink-0 text-white/70" aria-hidden />
        </div>
      )}
      {layout === "card" && (
        <div
          className={
            "absolute inset-x-0 bottom-0 z-20 rounded-t-3xl bg-white p-4 pb-6 text-[15px] " +
            "text-neutral-900 shadow-[0_-8px_30px_rgba(0,0,0,0.2)]"
          }
        >
          <span className="mx-auto mb-3 block h-1 w-10 rounded-full bg-neutral-300" aria-hidden />
          {image("mb-3 h-28 w-full rounded-xl")}
          {text}
          {actions}
        </div>
      )}
    </PhoneFrame>
  );
}
