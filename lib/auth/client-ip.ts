/**
 * The sign-in client's address for the per-IP limit, or null when it cannot be known.
 *
 * Next.js passes X-Forwarded-For on as the client sent it (it fills the header in from the socket
 * only when it is missing), so without a proxy in front every entry may be forged, and a limit
 * keyed on it is one a password sprayer steps around. The operator declares how many reverse
 * proxies stand in front (TAILOR_TRUSTED_PROXIES, default 0); each appends the address it was
 * reached from, so the client is the entry that many places from the right. With none declared
 * the IP is unknown: only the per-e-mail limit applies.
 */
export function clientIp(forwardedFor: string | null | undefined, trustedProxies = trustedProxyCount()): string | null {
  if (trustedProxies < 1 || !forwardedFor) return null;
  const hops = forwardedFor
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops.length === 0) return null;
  return hops[Math.max(0, hops.length - trustedProxies)]!;
}

function trustedProxyCount(): number {
  const n = Number(process.env.TAILOR_TRUSTED_PROXIES ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}
