import type { SendResult } from "./provider";

export type Failure = Extract<SendResult, { ok: false }>;
export const failure = (transient: boolean, error: string): Failure => ({ ok: false, transient, error });

export type HttpAnswer = { ok: true; status: number; body: string } | { ok: false; failure: Failure };

/**
 * One HTTP call with a deadline. A timeout or a network error is transient (the worker retries);
 * what the peer answered is returned for the provider to classify.
 */
export async function httpCall(url: string, init: RequestInit, timeoutMs: number): Promise<HttpAnswer> {
  try {
    const response = await fetch(url, { ...init, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    return { ok: true, status: response.status, body: await response.text() };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "TimeoutError" || name === "AbortError") return { ok: false, failure: failure(true, `No answer within ${timeoutMs.toLocaleString("en")} ms from ${new URL(url).host}.`) };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, failure: failure(true, `Could not reach ${new URL(url).host}: ${cause?.code ?? cause?.message ?? (error as Error).message}.`) };
  }
}

/**
 * The usual reading of a refusal: 429 and 5xx may pass (retry), other statuses will not change
 * (bad address, bad credentials, a payload the peer rejects).
 */
export function classifyStatus(status: number, body: string, who: string): Failure {
  const detail = body.replace(/\s+/g, " ").trim().slice(0, 300);
  const transient = status === 429 || status >= 500 || status === 408;
  return failure(transient, `${who} answered ${status}${detail ? `: ${detail}` : ""}.`);
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return null;
  }
}
