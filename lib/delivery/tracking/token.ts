import { createHmac, timingSafeEqual } from "node:crypto";
import { appKey } from "../app-key";
import { trackingBaseUrl } from "./base-url";

/*
 * Tracking tokens: /r/<token> (click), /o/<token> (open pixel), /u/<token> (unsubscribe and
 * preference page). A token names a message — never a URL — so it cannot be bent into an open
 * redirect: /r looks the target up by link index in the message's stored links. It is
 *
 *   base64url( payload ‖ HMAC-SHA256(appKey("tracking"), payload)[0..16) )
 *   payload = version·kind (1 byte) ‖ link index (varint, clicks only) ‖ workspaceId ‖ messageId
 *
 * and each id is packed: cuid-like ids (lowercase base36, the ids Prisma makes) as a base36
 * number — 25 characters in 17 bytes — anything else as UTF-8; one header byte per id carries
 * the form and length. A click token for two cuids is 72 characters, short enough for an SMS.
 * Any change to any byte fails the MAC, and a token of one kind is not accepted as another.
 * Tokens do not expire: an unsubscribe link has to keep working (mail is read months later).
 */

export const TOKEN_KINDS = ["click", "open", "unsubscribe"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

export type MessageRef = { workspaceId: string; messageId: string };
export type ClickToken = MessageRef & { kind: "click"; link: number };
export type PlainToken = MessageRef & { kind: "open" | "unsubscribe" };
export type TrackingToken = ClickToken | PlainToken;

const VERSION = 1;
const MAC_BYTES = 16;
const MAX_TOKEN_CHARS = 400;
const BASE36 = /^[0-9a-z]{1,127}$/;
const KIND_CODE: Record<TokenKind, number> = { click: 1, open: 2, unsubscribe: 3 };
const CODE_KIND = Object.fromEntries(Object.entries(KIND_CODE).map(([k, v]) => [v, k])) as Record<number, TokenKind>;

const packedBytes = (chars: number) => Math.ceil((chars * Math.log2(36)) / 8);

function packId(id: string, out: number[]): void {
  if (BASE36.test(id)) {
    let n = 0n;
    for (const ch of id) n = n * 36n + BigInt(parseInt(ch, 36));
    const bytes = packedBytes(id.length);
    out.push(0x80 | id.length);
    for (let i = bytes - 1; i >= 0; i--) out.push(Number((n >> BigInt(i * 8)) & 0xffn));
    return;
  }
  const utf8 = Buffer.from(id, "utf8");
  if (utf8.length === 0 || utf8.length > 127) throw new Error("Tracking tokens carry ids of 1 to 127 bytes.");
  out.push(utf8.length, ...utf8);
}

function unpackId(buf: Buffer, at: number): [string, number] | null {
  if (at >= buf.length) return null;
  const header = buf[at]!;
  const length = header & 0x7f;
  if (length === 0) return null;
  if (header & 0x80) {
    const bytes = packedBytes(length);
    if (at + 1 + bytes > buf.length) return null;
    let n = 0n;
    for (let i = 0; i < bytes; i++) n = (n << 8n) | BigInt(buf[at + 1 + i]!);
    const id = n.toString(36).padStart(length, "0");
    return id.length === length ? [id, at + 1 + bytes] : null;
  }
  if (at + 1 + length > buf.length) return null;
  return [buf.subarray(at + 1, at + 1 + length).toString("utf8"), at + 1 + length];
}

// A message's links are signed one after the other: pack its two ids once.
let lastRef: { key: string; bytes: Buffer } | null = null;
function packedRef(ref: MessageRef): Buffer {
  const key = `${ref.workspaceId}\u0000${ref.messageId}`;
  if (lastRef?.key !== key) {
    const out: number[] = [];
    packId(ref.workspaceId, out);
    packId(ref.messageId, out);
    lastRef = { key, bytes: Buffer.from(out) };
  }
  return lastRef.bytes;
}

// HKDF per token would cost more than the HMAC; the key is derived again only when the secret changes.
let derived: { secret: string | undefined; key: Buffer } | null = null;
function trackingKey(): Buffer {
  const secret = process.env.TAILOR_APP_KEY || process.env.NEXTAUTH_SECRET;
  if (!derived || derived.secret !== secret) derived = { secret, key: appKey("tracking") };
  return derived.key;
}

const mac = (payload: Buffer) => createHmac("sha256", trackingKey()).update(payload).digest().subarray(0, MAC_BYTES);

/** Signs a token for one message (and, for a click, one of its links by index). */
export function signToken(token: TrackingToken): string {
  const out: number[] = [(VERSION << 4) | KIND_CODE[token.kind]];
  if (token.kind === "click") {
    if (!Number.isInteger(token.link) || token.link < 0) throw new Error("A link index is a whole number ≥ 0.");
    let n = token.link;
    do {
      out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
      n = Math.floor(n / 128);
    } while (n > 0);
  }
  const payload = Buffer.concat([Buffer.from(out), packedRef(token)]);
  return Buffer.concat([payload, mac(payload)]).toString("base64url");
}

/** The token's contents when it is genuine and of `kind`; null for anything forged, altered or malformed. */
export function verifyToken(token: string, kind: "click"): ClickToken | null;
export function verifyToken(token: string, kind: "open" | "unsubscribe"): PlainToken | null;
export function verifyToken(token: string, kind: TokenKind): TrackingToken | null {
  if (
    typeof token !== "string" ||
    token.length === 0 ||
    token.length > MAX_TOKEN_CHARS ||
    !/^[A-Za-z0-9_-]+$/.test(token)
  )
    return null;
  const raw = Buffer.from(token, "base64url");
  // One spelling per token: a re-encoding that differs means stray bits were added.
  if (raw.length <= MAC_BYTES + 1 || raw.toString("base64url") !== token) return null;
  const payload = raw.subarray(0, raw.length - MAC_BYTES);
  if (!timingSafeEqual(raw.subarray(raw.length - MAC_BYTES), mac(payload))) return null;
  const head = payload[0]!;
  if (head >> 4 !== VERSION || CODE_KIND[head & 0x0f] !== kind) return null;
  let at = 1;
  let link = 0;
  if (kind === "click") {
    for (let shift = 1; ; shift *= 128) {
      if (at >= payload.length || shift > 2 ** 28) return null;
      const byte = payload[at++]!;
      link += (byte & 0x7f) * shift;
      if (!(byte & 0x80)) break;
    }
  }
  const workspace = unpackId(payload, at);
  if (!workspace) return null;
  const message = unpackId(payload, workspace[1]);
  if (!message || message[1] !== payload.length) return null;
  const ref = { workspaceId: workspace[0], messageId: message[0] };
  return kind === "click" ? { kind, link, ...ref } : { kind, ...ref };
}

const base = (baseUrl: string) => baseUrl.replace(/\/+$/, "");

/** /r/<token>: the tracked form of the message's link number `link`. */
export const clickUrl = (ref: MessageRef, link: number, baseUrl = trackingBaseUrl()) =>
  `${base(baseUrl)}/r/${signToken({ kind: "click", link, ...ref })}`;
/** /o/<token>: the e-mail open pixel. */
export const openPixelUrl = (ref: MessageRef, baseUrl = trackingBaseUrl()) =>
  `${base(baseUrl)}/o/${signToken({ kind: "open", ...ref })}`;
/** /u/<token>: the preference page, and the RFC 8058 one-click target (List-Unsubscribe). */
export const unsubscribeUrl = (ref: MessageRef, baseUrl = trackingBaseUrl()) =>
  `${base(baseUrl)}/u/${signToken({ kind: "unsubscribe", ...ref })}`;
