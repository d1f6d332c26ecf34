import { SMS_OPT_OUT_WORDS } from "@/lib/templates/channels/sms";
import type { Finding } from "./finding";
import { analyzeSms } from "./sms";

/** Encoding and parts (info), more than one part (warning), no opt-out word (warning). */
export function lintSms(
  text: string,
  basis: "source" | "sample",
  optOutWords: readonly string[] = SMS_OPT_OUT_WORDS,
): Finding[] {
  const { encoding, units, parts, perPart, remaining, ucs2Chars } = analyzeSms(text);
  const sms = { encoding, units, parts, perPart, remaining, ucs2Chars };
  const unit = encoding === "GSM-7" ? "septets" : "UTF-16 units";
  const forced = ucs2Chars.length
    ? `; sent as UCS-2 because of ${[...new Set(ucs2Chars.map((c) => c.char))].slice(0, 5).join(" ")}`
    : "";
  // On source the Liquid itself is counted (and its braces are two-septet extension characters).
  const of = basis === "sample" ? " for the sample" : " for the source with its Liquid";
  const findings: Finding[] = [
    {
      severity: "info",
      code: "sms.encoding",
      field: "body",
      basis,
      sms,
      count: parts.length,
      message: `${encoding}, ${units} ${unit}, ${parts.length} part${parts.length === 1 ? "" : "s"}${of}${forced}.`,
    },
  ];
  if (parts.length > 1) {
    findings.push({
      severity: "warning",
      code: "sms.multipart",
      field: "body",
      basis,
      sms,
      count: parts.length,
      message:
        `The message is sent as ${parts.length} parts${of} (${perPart} ${unit} each), each billed ` +
        `as one SMS${forced}.`,
    });
  }
  const words = new RegExp(
    `(^|[^\\p{L}])(${optOutWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})($|[^\\p{L}])`,
    "iu",
  );
  if (!words.test(text)) {
    findings.push({
      severity: "warning",
      code: "sms.opt_out_missing",
      field: "body",
      basis,
      message: `Tell recipients how to opt out, e.g. "Reply ${optOutWords[0] ?? "STOP"} to unsubscribe".`,
    });
  }
  return findings;
}
