import { ArrowLeft, ImageIcon, MoreVertical } from "lucide-react";
import { MESSENGER_BUTTONS_PER_ROW } from "@/lib/templates";
import type { Finding } from "@/lib/templates";
import { PhoneFrame } from "./phone-frame";
import { PreviewFindings } from "./preview-findings";

/** Inline keyboard rows as Tailor lays them out: MESSENGER_BUTTONS_PER_ROW to a row. */
function rows<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MESSENGER_BUTTONS_PER_ROW)
    out.push(items.slice(i, i + MESSENGER_BUTTONS_PER_ROW));
  return out;
}

/** A Telegram bot message: photo with caption (or text) and the inline keyboard under it. */
export function MessengerBubble({
  botName,
  text,
  imageUrl,
  buttons,
  findings,
}: {
  botName: string;
  text: string;
  imageUrl?: string;
  buttons: readonly { label: string }[];
  findings?: readonly Finding[];
}) {
  return (
    <PhoneFrame
      label="Messenger preview"
      os="android"
      screenClassName="bg-[#cfe0b8]"
      footer={<PreviewFindings findings={findings} />}
    >
      <div className="flex items-center gap-3 bg-[#517da2] px-3 py-2 text-white" aria-hidden>
        <ArrowLeft className="size-5" />
        <span className="flex size-9 items-center justify-center rounded-full bg-[#7bc862] text-sm font-semibold">
          {botName.trim().charAt(0).toUpperCase()}
        </span>
        <span className="flex-1 leading-tight">
          <span className="block text-[15px] font-medium">{botName}</span>
          <span className="block text-[12px] text-white/75">bot</span>
        </span>
        <MoreVertical className="size-5" />
      </div>
      <div className="messenger-wallpaper flex flex-1 flex-col justify-end overflow-y-auto px-2 py-3">
        <div className="w-[86%]">
          <div className="overflow-hidden rounded-2xl rounded-bl-sm bg-white text-neutral-900 shadow-sm">
            {imageUrl !== undefined &&
              (imageUrl ? (
                <img src={imageUrl} alt="" className="h-40 w-full object-cover" />
              ) : (
                <span className="flex h-40 items-center justify-center bg-neutral-200 text-neutral-400" aria-hidden>
                  <ImageIcon className="size-8" />
                </span>
              ))}
            <p className="px-2.5 pt-1.5 text-[14px] leading-[19px] break-words whitespace-pre-wrap">{text}</p>
            <p className="px-2.5 pb-1 text-right text-[11px] text-neutral-400">9:41</p>
          </div>
          {buttons.length > 0 && (
            <div className="mt-1 space-y-1" role="group" aria-label="Inline keyboard">
              {rows(buttons).map((row, r) => (
                <div key={r} className="flex gap-1">
                  {row.map((b, i) => (
                    <span
                      key={i}
                      className={
                        "flex-1 truncate rounded-lg bg-[#5a7f53]/45 px-2 py-2 text-center text-[13px] font-medium " +
                        "text-white"
                      }
                    >
                      {b.label}
                    </span>
                  ))}
                </div>
              ))}
            </div>
          )}
        </div>
      </div>
    </PhoneFrame>
  );
}
