import { NextResponse, type NextRequest } from "next/server";
import { sessionFromCookies } from "@/lib/auth/session-cookie";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";
import { crossSiteRefusal, dashboardOrigins } from "@/lib/http/same-origin";

const PUBLIC_PAGES = ["/signin"];
// Opened by the people messages go to, who are not members: click redirect, open pixel,
// unsubscribe and preference page. Each checks its own signed token.
const PUBLIC_PREFIXES = ["/r/", "/o/", "/u/"];
// The invitation page: its link's secret is checked by the page; a signed-in invitee accepts there.
const INVITATION_PAGE = /^\/invite\/[^/]+$/;

/**
 * Refuses cross-site mutations of the dashboard's API, sends signed-out visitors to /signin and
 * gives every page a fresh CSP nonce.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (pathname.startsWith("/api/")) {
    const refusal = crossSiteRefusal(request, dashboardOrigins(request.nextUrl.origin));
    if (!refusal) return NextResponse.next();
    const { status, ...error } = refusal;
    return NextResponse.json({ error }, { status, headers: { "cache-control": "no-store" } });
  }
  // RFC 8058: mail clients POST the List-Unsubscribe URL itself; a page cannot take a plain POST.
  if (request.method === "POST" && /^\/u\/[^/]+$/.test(pathname) && !request.headers.has("next-action")) {
    return NextResponse.rewrite(new URL(`${pathname}/one-click`, request.url));
  }
  // The sign-in or invitation form posted before its script loaded (the script does the work): back
  // to the form, with the password left behind in the body of this request.
  if (
    request.method === "POST" &&
    (pathname === "/signin" || INVITATION_PAGE.test(pathname)) &&
    !request.headers.has("next-action")
  ) {
    const again = new URL(pathname, request.url);
    again.searchParams.set("error", "early");
    const callbackUrl = request.nextUrl.searchParams.get("callbackUrl");
    if (callbackUrl) again.searchParams.set("callbackUrl", callbackUrl);
    return NextResponse.redirect(again, 303);
  }
  const isPublic =
    PUBLIC_PAGES.includes(pathname) ||
    INVITATION_PAGE.test(pathname) ||
    PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
  if (!isPublic && !(await sessionFromCookies(request.headers.get("cookie")))) {
    const signIn = new URL("/signin", request.url);
    if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === "development",
    https: request.nextUrl.protocol === "https:",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // API routes answer 401 themselves (here they only meet the cross-site check). The API's parts
  // that are not the dashboard's cookie-authenticated API are not matched at all: ingestion and the
  // in-app inbox (API keys, CORS), next-auth (its own CSRF token) and the health check; ingestion
  // would otherwise pay for the proxy on every batch (Next copies a request's body for it). Static
  // assets need neither a session nor a CSP. The in-app script and its demo page are public:
  // customer sites load them for signed-out visitors. The sources are literals: Next reads the
  // matcher statically at build time and refuses an expression. (favicon.ico is among the .ico
  // files; nothing under _next/ is a page: its chunks, images and the dev server's socket.)
  matcher: [
    "/api/((?!v1/|auth/|health).*)",
    {
      source: "/((?!api|v1/|tailor-inapp\\.js|inapp-demo\\.html|_next/|.*\\.(?:svg|png|jpg|ico|webp|woff2?)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
