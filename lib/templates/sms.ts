/*
 * SMS length as the network counts it, after 3GPP TS 23.038 (GSM 03.38) and TS 23.040.
 *
 * A message is GSM-7 when every character is in the default alphabet or its extension table,
 * otherwise it goes out as UCS-2 — in practice UTF-16, so a character outside the BMP (an emoji)
 * takes two code units. Extension characters are sent as ESC + char and so take two septets.
 * One SMS carries 140 octets: 160 septets or 70 UTF-16 units. A concatenated message spends
 * 6 octets of each part on the user data header, leaving 153 septets (with fill bits) or 67 units.
 * No part may end between an ESC and its character or between the halves of a surrogate pair,
 * so the parts are cut for real and counted, not divided out. National language shift tables
 * (TS 23.038 §6.2.1.2.4) are not used: few senders' gateways support them.
 */

// TS 23.038 §6.2.1, default alphabet, in code order (0x1B ESC left out: it is not a character).
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ " +
    "!\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
// TS 23.038 §6.2.1.1, extension table: form feed, ^ { } \ [ ~ ] | €.
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

export type SmsEncoding = "GSM-7" | "UCS-2";

export const SMS_LIMITS = {
  "GSM-7": { single: 160, perPart: 153 },
  "UCS-2": { single: 70, perPart: 67 },
} as const satisfies Record<SmsEncoding, { single: number; perPart: number }>;

export type SmsAnalysis = {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  /** The message as it is cut into parts; empty for an empty message. */
  parts: string[];
  /** Units one part can hold at this length (160/70 alone, 153/67 concatenated). */
  perPart: number;
  /** Units left in the last part before another part is needed. */
  remaining: number;
  /** Characters outside GSM-7, each with its UTF-16 index in the text, for highlighting. */
  ucs2Chars: { char: string; index: number }[];
};

/** Units of one character (a code point) in the given encoding. */
function weight(char: string, encoding: SmsEncoding): number {
  if (encoding === "UCS-2") return char.length;
  return GSM_EXTENSION.has(char) ? 2 : 1;
}

export function isGsm7Char(char: string): boolean {
  return GSM_BASIC.has(char) || GSM_EXTENSION.has(char);
}

/** Encoding, length, parts and the characters that forced UCS-2. */
export function analyzeSms(text: string): SmsAnalysis {
  const chars = Array.from(text);
  const ucs2Chars: SmsAnalysis["ucs2Chars"] = [];
  let index = 0;
  for (const char of chars) {
    if (!isGsm7Char(char)) ucs2Chars.push({ char, index });
    index += char.length;
  }
  const encoding: SmsEncoding = ucs2Chars.length > 0 ? "UCS-2" : "GSM-7";
  const units = chars.reduce((sum, char) => sum + weight(char, encoding), 0);
  const limits = SMS_LIMITS[encoding];
  if (units <= limits.single) {
    return {
      encoding,
      units,
      parts: units === 0 ? [] : [text],
      perPart: limits.single,
      remaining: limits.single - units,
      ucs2Chars,
    };
  }
  const parts: string[] = [];
  let current = "";
  let used = 0;
  for (const char of chars) {
    const w = weight(char, encoding);
    if (used + w > limits.perPart) {
      parts.push(current);
      current = "";
      used = 0;
    }
    current += char;
    used += w;
  }
  parts.push(current);
  return { encoding, units, parts, perPart: limits.perPart, remaining: limits.perPart - used, ucs2Chars };
}
