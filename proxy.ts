import { NextResponse, type NextRequest } from "next/server";
import { sessionFromCookies } from "@/lib/auth/session-cookie";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";

const PUBLIC_PAGES = ["/signin"];
// Opened by the people messages go to, who are not members: click redirect, open pixel,
// unsubscribe and preference page. Each checks its own signed token.
const PUBLIC_PREFIXES = ["/r/", "/o/", "/u/"];

/** Sends signed-out visitors to /signin and gives every page a fresh CSP nonce. */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // RFC 8058: mail clients POST the List-Unsubscribe URL itself; a page cannot take a plain POST.
  if (request.method === "POST" && /^\/u\/[^/]+$/.test(pathname) && !request.headers.has("next-action")) {
    return NextResponse.rewrite(new URL(`${pathname}/one-click`, request.url));
  }
  const isPublic = PUBLIC_PAGES.includes(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
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
  // API routes answer 401 themselves; static assets need neither a session nor a CSP. The in-app
  // script and its demo page are public: customer sites load them for signed-out visitors.
  matcher: [
    {
      source: "/((?!api|v1/|tailor-inapp\\.js|inapp-demo\\.html|_next/static|_next/image|favicon.ico|.*\\.(?:svg|png|jpg|ico|webp|woff2?)$).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
