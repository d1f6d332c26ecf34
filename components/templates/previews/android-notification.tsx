import { Bluetooth, ChevronDown, Flashlight, Moon, Wifi } from "lucide-react";
import { PUSH_SPEC } from "@/lib/templates";
import type { Finding } from "@/lib/templates";
import { specField } from "../spec-field";
import { AppIcon } from "./app-icon";
import { CutText } from "./cut-text";
import { PhoneFrame } from "./phone-frame";
import { PreviewFindings } from "./preview-findings";

const TITLE_LIMIT = specField(PUSH_SPEC, "title").visible?.android;
const BODY_LIMIT = specField(PUSH_SPEC, "body").visible?.android;
const TILES = [
  { icon: Wifi, label: "Home Wi-Fi", on: true },
  { icon: Bluetooth, label: "Bluetooth", on: true },
  { icon: Flashlight, label: "Torch", on: false },
  { icon: Moon, label: "Do not disturb", on: false },
];

/** A mobile push in Android's notification shade, collapsed, cut at Android's lengths (PUSH_SPEC). */
export function AndroidNotification({
  appName,
  title,
  body,
  imageUrl,
  clock = { time: "9:41", date: "Tue, 9 June" },
  findings,
}: {
  appName: string;
  title: string;
  body: string;
  /** Android shows it as the large icon at the right of the collapsed notification. */
  imageUrl?: string;
  clock?: { time: string; date: string };
  findings?: readonly Finding[];
}) {
  return (
    <PhoneFrame
      label="Android notification preview"
      os="android"
      screenClassName="bg-[#ece6f0]"
      footer={<PreviewFindings findings={findings} />}
    >
      <div className="px-4 pt-1" aria-hidden>
        <p className="text-[28px] leading-tight font-normal text-neutral-900">{clock.time}</p>
        <p className="text-[13px] text-neutral-700">{clock.date}</p>
        <div className="mt-3 grid grid-cols-2 gap-2">
          {TILES.map(({ icon: Icon, label, on }) => (
            <span
              key={label}
              className={
                on
                  ? "flex h-12 items-center gap-2 rounded-full bg-[#d0bcff] px-3 text-[12px] font-medium text-[#21005d]"
                  : "flex h-12 items-center gap-2 rounded-full bg-[#e6e0e9] px-3 text-[12px] font-medium " +
                    "text-neutral-800"
              }
            >
              <Icon className="size-4" />
              {label}
            </span>
          ))}
        </div>
      </div>
      <div className="mt-4 px-2.5">
        <div className="flex gap-3 rounded-[24px] bg-white p-4 text-neutral-900 shadow-sm">
          <AppIcon name={appName} className="size-8 rounded-full text-[14px]" />
          <div className="min-w-0 flex-1">
            <div className="flex items-center gap-1 text-[12px] text-neutral-600">
              <span className="truncate">{appName}</span>
              <span aria-hidden>•</span>
              <span className="shrink-0">now</span>
              <ChevronDown className="ml-auto size-4 shrink-0" aria-hidden />
            </div>
            <p className="mt-0.5 text-[14px] leading-5 font-medium break-words">
              <CutText text={title} limit={TITLE_LIMIT} />
            </p>
            <p className="text-[14px] leading-5 break-words text-neutral-700">
              <CutText text={body} limit={BODY_LIMIT} />
            </p>
          </div>
          {imageUrl && <img src={imageUrl} alt="" className="size-11 shrink-0 self-center rounded-lg object-cover" />}
        </div>
      </div>
      <div className="mt-auto mb-2 flex justify-center" aria-hidden>
        <span className="h-1 w-24 rounded-full bg-neutral-800/70" />
      </div>
    </PhoneFrame>
  );
}
