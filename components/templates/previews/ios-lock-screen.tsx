import { Flashlight, Camera, Lock } from "lucide-react";
import { PUSH_SPEC } from "@/lib/templates";
import type { Finding } from "@/lib/templates";
import { specField } from "../spec-field";
import { AppIcon } from "./app-icon";
import { CutText } from "./cut-text";
import { PhoneFrame } from "./phone-frame";
import { PreviewFindings } from "./preview-findings";

const TITLE_LIMIT = specField(PUSH_SPEC, "title").visible?.ios;
const BODY_LIMIT = specField(PUSH_SPEC, "body").visible?.ios;

/** A mobile push as it arrives on an iPhone's lock screen, cut where iOS cuts it (PUSH_SPEC). */
export function IosLockScreen({
  appName,
  title,
  body,
  imageUrl,
  clock = { time: "9:41", date: "Tuesday 9 June" },
  findings,
}: {
  appName: string;
  title: string;
  body: string;
  imageUrl?: string;
  /** Fixed by default so screenshots are stable. */
  clock?: { time: string; date: string };
  findings?: readonly Finding[];
}) {
  return (
    <PhoneFrame
      label="iOS lock screen preview"
      os="ios"
      statusBarTone="light"
      statusTime={false}
      screenClassName="bg-[radial-gradient(120%_80%_at_30%_0%,#6d5dfc_0%,#2b2a6b_45%,#0b1026_100%)] text-white"
      footer={<PreviewFindings findings={findings} />}
    >
      <div className="flex flex-col items-center pt-2">
        <Lock className="size-4 opacity-90" aria-hidden />
        <p className="mt-2 text-[17px] font-medium opacity-90">{clock.date}</p>
        <p className="text-[84px] leading-none font-semibold tracking-tight tabular-nums">{clock.time}</p>
      </div>
      <div className="mt-auto mb-3 px-2.5">
        <div className="flex gap-2.5 rounded-[22px] bg-white/75 p-3 text-neutral-900 shadow-sm backdrop-blur-xl">
          <AppIcon name={appName} className="size-[38px] rounded-[9px] text-[17px]" />
          <div className="min-w-0 flex-1 text-[13.5px] leading-[18px]">
            <div className="flex items-baseline justify-between gap-2">
              <span className="truncate text-[12px] font-medium tracking-wide text-neutral-600 uppercase">
                {appName}
              </span>
              <span className="shrink-0 text-[12px] text-neutral-500">now</span>
            </div>
            <p className="font-semibold break-words">
              <CutText text={title} limit={TITLE_LIMIT} />
            </p>
            <p className="break-words">
              <CutText text={body} limit={BODY_LIMIT} />
            </p>
          </div>
          {imageUrl && <img src={imageUrl} alt="" className="size-10 shrink-0 self-center rounded-md object-cover" />}
        </div>
      </div>
      <div className="flex items-center justify-between px-10 pb-3" aria-hidden>
        <span className="flex size-11 items-center justify-center rounded-full bg-black/35 backdrop-blur">
          <Flashlight className="size-5" />
        </span>
        <span className="flex size-11 items-center justify-center rounded-full bg-black/35 backdrop-blur">
          <Camera className="size-5" />
        </span>
      </div>
      <div className="mx-auto mb-2 h-[5px] w-32 rounded-full bg-white/90" aria-hidden />
    </PhoneFrame>
  );
}
