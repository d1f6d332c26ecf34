import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { isAllowedHost, isInternalAddress } from "./outbound-address";
import type { SendResult } from "./provider";

export type Failure = Extract<SendResult, { ok: false }>;
export const failure = (transient: boolean, error: string): Failure => ({ ok: false, transient, error });

export type HttpAnswer = { ok: true; status: number; body: string } | { ok: false; failure: Failure };
export type HttpRequest = { method: string; headers: Record<string, string>; body: string | Buffer };

const MAX_ANSWER_BYTES = 64 * 1024;

class RefusedAddress extends Error {
  readonly code = "ERR_TAILOR_INTERNAL_ADDRESS";
}

/**
 * A DNS lookup that refuses internal addresses. It runs when the socket connects and hands the
 * socket exactly the addresses it checked, so a name that resolves to a public address when saved
 * and to 127.0.0.1 when sent (DNS rebinding) is still refused.
 */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    if (addresses.length === 0 || addresses.some((a) => isInternalAddress(a.address)))
      return callback(new RefusedAddress(hostname), "", 0);
    if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
};

function send(
  url: URL,
  request: HttpRequest,
  guarded: boolean,
  signal: AbortSignal,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const outgoing = client.request(
      url,
      { method: request.method, headers: request.headers, signal, ...(guarded ? { lookup: guardedLookup } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_ANSWER_BYTES) chunks.push(chunk);
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.body);
  });
}

/**
 * One HTTP call with a deadline, never following redirects, refused at connect time when the host
 * resolves to an internal address (loopback, private, link-local, metadata) unless the host is in
 * `allowHosts` or TAILOR_OUTBOUND_ALLOW_HOSTS. A timeout or a network error is transient (the
 * worker retries); a refused address is final; what the peer answered is returned to classify.
 */
export async function httpCall(
  target: string,
  request: HttpRequest,
  timeoutMs: number,
  allowHosts: readonly string[] = [],
): Promise<HttpAnswer> {
  const url = new URL(target);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const guarded = !isAllowedHost(host, allowHosts);
  const refused = failure(
    false,
    `Refused to call ${url.host}: it is an internal address (loopback, private, link-local or ` +
      `metadata). An admin can allow the host.`,
  );
  // An address literal is never looked up, so the lookup guard would not see it.
  if (guarded && isIP(host) !== 0 && isInternalAddress(host)) return { ok: false, failure: refused };
  try {
    const answer = await send(url, request, guarded, AbortSignal.timeout(timeoutMs));
    return { ok: true, ...answer };
  } catch (error) {
    if (error instanceof RefusedAddress) return { ok: false, failure: refused };
    const name = (error as { name?: string }).name;
    if (name === "TimeoutError" || name === "AbortError")
      return {
        ok: false,
        failure: failure(true, `No answer within ${timeoutMs.toLocaleString("en")} ms from ${url.host}.`),
      };
    const code = (error as { code?: string }).code;
    return { ok: false, failure: failure(true, `Could not reach ${url.host}${code ? ` (${code})` : ""}.`) };
  }
}

/**
 * The usual reading of a refusal: 429 and 5xx may pass (retry), other statuses will not change
 * (bad address, bad credentials, a payload the peer rejects). The peer's body is never echoed into
 * the message log (it could be anything the target chose to return); a provider may add a short
 * `reason` it read from a documented field (Twilio's error code, the Bot API's description).
 */
export function classifyStatus(status: number, who: string, reason?: string): Failure {
  const transient = status === 429 || status >= 500 || status === 408;
  const short = reason?.replace(/\s+/g, " ").trim().slice(0, 120);
  return failure(transient, `${who} answered ${status}${short ? `: ${short}` : ""}.`);
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}
