/**
 * Where tracked links point: the address people reach this Tailor at. TAILOR_PUBLIC_URL when set
 * (a deployment behind a proxy or on its own domain), else NEXTAUTH_URL (scripts/run.ts sets it
 * to the dev/start server), else this machine's server on PORT (3000). Messages, the outbox's
 * preference links and the tracking routes all read this one.
 */
export function trackingBaseUrl(): string {
  return (
    process.env.TAILOR_PUBLIC_URL ||
    process.env.NEXTAUTH_URL ||
    `http://localhost:${process.env.PORT ?? 3000}`
  ).replace(/\/+$/, "");
}
