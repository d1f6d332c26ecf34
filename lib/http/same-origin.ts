/**
 * Cross-site request forgery guard for the dashboard's cookie-authenticated API. A browser attaches
 * the session cookie (SameSite=Lax) to some cross-site requests, and a page elsewhere can send a
 * form-encoded, multipart or text/plain body without a CORS preflight. So a mutation is refused when
 * the browser says it comes from another site (Sec-Fetch-Site, or Origin where that is missing), and
 * when its body has one of those preflight-free types: the dashboard sends JSON (and avatar images,
 * whose type needs a preflight). Clients that are not browsers send neither header and cannot be
 * made to act for a signed-in member, so they pass.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const SIMPLE_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data", "text/plain"];

export type Refusal = { status: 403 | 415; code: string; message: string; field?: string };

export function crossSiteRefusal(
  request: { method: string; headers: Headers },
  allowedOrigins: readonly string[],
): Refusal | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const foreign = site
    ? site !== "same-origin" && site !== "none"
    : origin !== null && !allowedOrigins.includes(origin);
  if (foreign)
    return {
      status: 403,
      code: "cross_site",
      message: "This request came from another site; open Tailor and try again there.",
    };
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const hasBody = Number(request.headers.get("content-length") ?? 0) > 0 || request.headers.has("transfer-encoding");
  if (hasBody && (type === "" || SIMPLE_TYPES.includes(type))) {
    return {
      status: 415,
      code: "unsupported_media_type",
      message: "Send the body as application/json.",
      field: "content-type",
    };
  }
  return null;
}

/**
 * The origins the dashboard is served from: the request's own, and NEXTAUTH_URL's behind a proxy that rewrites Host.
 */
export function dashboardOrigins(requestOrigin: string, configured = process.env.NEXTAUTH_URL): string[] {
  const origins = [requestOrigin];
  try {
    if (configured) origins.push(new URL(configured).origin);
  } catch {
    // An unparsable NEXTAUTH_URL is reported where sign-in uses it.
  }
  return origins;
}
