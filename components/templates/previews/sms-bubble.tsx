import { ChevronLeft, Info } from "lucide-react";
import type { Finding } from "@/lib/templates";
import { analyzeSms } from "@/lib/templates";
import { PhoneFrame } from "./phone-frame";
import { PreviewFindings } from "./preview-findings";

/** Runs of the text, marking the characters outside GSM-7 (they make the whole message UCS-2). */
function runs(text: string, ucs2: ReadonlySet<number>) {
  const out: { text: string; ucs2: boolean }[] = [];
  let index = 0;
  for (const char of Array.from(text)) {
    const flagged = ucs2.has(index);
    const last = out.at(-1);
    if (last && last.ucs2 === flagged) last.text += char;
    else out.push({ text: char, ucs2: flagged });
    index += char.length;
  }
  return out;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * An SMS in a phone's messages thread, with the counter a sender needs: encoding, length and
 * parts as the network counts them (analyzeSms), and the characters that forced UCS-2 marked in
 * the text.
 */
export function SmsBubble({ body, sender, findings }: { body: string; sender: string; findings?: readonly Finding[] }) {
  const sms = analyzeSms(body);
  const units = sms.encoding === "GSM-7" ? plural(sms.units, "septet", "septets") : plural(sms.units, "unit", "units");
  const chars = Array.from(body).length;
  const distinct = [...new Set(sms.ucs2Chars.map((c) => c.char))];
  const counter = (
    <section aria-label="SMS length" className="space-y-1 text-sm">
      <p>
        <span className="font-semibold">{sms.encoding}</span> · {plural(chars, "character", "characters")}
        {sms.units !== chars && ` (${units})`}
      </p>
      <p>
        {plural(sms.parts.length, "part", "parts")} · {sms.perPart} per part · {sms.remaining} left
      </p>
      {distinct.length > 0 && (
        <p className="text-xs text-muted-foreground">
          Not in GSM-7, so sent as UCS-2:{" "}
          {distinct.slice(0, 12).map((c) => (
            <mark
              key={c}
              className={
                "mx-0.5 rounded-sm bg-amber-200 px-1 text-neutral-900 underline decoration-wavy " +
                "decoration-amber-700"
              }
            >
              {c}
            </mark>
          ))}
          {distinct.length > 12 && ` and ${distinct.length - 12} more`}
        </p>
      )}
      <PreviewFindings findings={findings} />
    </section>
  );
  const ucs2 = new Set(sms.ucs2Chars.map((c) => c.index));
  return (
    <PhoneFrame label="SMS preview" os="ios" footer={counter}>
      <div className="flex items-center border-b border-neutral-200 bg-neutral-50/90 px-3 pb-2" aria-hidden>
        <ChevronLeft className="size-6 text-[#007aff]" />
        <div className="flex flex-1 flex-col items-center">
          <span
            className={
              "flex size-10 items-center justify-center rounded-full bg-gradient-to-b from-neutral-400 " +
              "to-neutral-500 text-sm font-semibold text-white"
            }
          >
            {sender.trim().charAt(0).toUpperCase()}
          </span>
          <span className="mt-0.5 text-[11px] text-neutral-900">{sender} ›</span>
        </div>
        <Info className="size-5 text-[#007aff]" />
      </div>
      <div className="flex-1 overflow-y-auto px-3 py-3">
        <p className="text-center text-[11px] text-neutral-500">Text Message · Today 9:41</p>
        {body.trim() !== "" && (
          <p
            className={
              "mt-2 w-fit max-w-[78%] rounded-[18px] rounded-bl-[6px] bg-[#e9e9eb] px-3 py-1.5 " +
              "text-[15px] leading-5 break-words whitespace-pre-wrap text-neutral-900"
            }
          >
            {runs(body, ucs2).map((run, i) =>
              run.ucs2 ? (
                <mark
                  key={i}
                  title="Not in GSM-7: the message is sent as UCS-2"
                  className="rounded-sm bg-amber-200 text-neutral-900 underline decoration-wavy decoration-amber-700"
                >
                  {run.text}
                </mark>
              ) : (
                run.text
              ),
            )}
          </p>
        )}
      </div>
      <div className="flex items-center gap-2 border-t border-neutral-200 px-3 py-2" aria-hidden>
        <span className="flex-1 rounded-full border border-neutral-300 px-3 py-1 text-[13px] text-neutral-400">
          Text Message
        </span>
      </div>
    </PhoneFrame>
  );
}
