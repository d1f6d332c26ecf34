import { db } from "@/lib/db/client";

export const SIGN_IN_WINDOW_MINUTES = 15;
const MAX_FAILURES_PER_EMAIL = 5;
const MAX_FAILURES_PER_IP = 30;

export type RateLimitVerdict = { limited: false } | { limited: true; retryAfterMinutes: number };

/**
 * Failed sign-ins in the window, per e-mail and per IP; past either limit further tries are refused.
 * `ip` null: not known (no trusted proxy declared, lib/auth/client-ip.ts), so only the e-mail counts.
 */
export async function checkSignInRateLimit(
  email: string,
  ip: string | null,
  now = new Date(),
): Promise<RateLimitVerdict> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([
    db.signInAttempt.findMany({ where: { email, at: { gte: since } }, orderBy: { at: "asc" }, select: { at: true } }),
    ip === null
      ? []
      : db.signInAttempt.findMany({ where: { ip, at: { gte: since } }, orderBy: { at: "asc" }, select: { at: true } }),
  ]);
  const blocking =
    byEmail.length >= MAX_FAILURES_PER_EMAIL ? byEmail : byIp.length >= MAX_FAILURES_PER_IP ? byIp : null;
  if (!blocking) return { limited: false };
  // The window reopens when the oldest counted failure falls out of it.
  const reopensAt = blocking[0]!.at.getTime() + SIGN_IN_WINDOW_MINUTES * 60_000;
  return { limited: true, retryAfterMinutes: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 60_000)) };
}

export async function recordFailedSignIn(email: string, ip: string | null): Promise<void> {
  await db.signInAttempt.create({ data: { email, ip: ip ?? "" } });
}

export async function clearFailedSignIns(email: string): Promise<void> {
  await db.signInAttempt.deleteMany({ where: { email } });
}
