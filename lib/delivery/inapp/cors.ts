/*
 * The inbox is read from the customer's own site, so any origin may call it. No cookies are
 * involved (the publishable key travels in the Authorization header), so `*` grants nothing a
 * page could not do with the key anyway.
 */
export const INAPP_CORS_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "authorization, content-type",
  "access-control-max-age": "600",
};

export function withInAppCors(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [k, v] of Object.entries(INAPP_CORS_HEADERS)) headers.set(k, v);
  headers.set("cache-control", "no-store");
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
