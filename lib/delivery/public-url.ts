/**
 * The address people reach Tailor at, for tracked links, the open pixel and unsubscribe links in
 * messages: TAILOR_PUBLIC_URL, else NEXTAUTH_URL, else this machine's dev server.
 */
export function publicBaseUrl(): string {
  return (process.env.TAILOR_PUBLIC_URL || process.env.NEXTAUTH_URL || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}
