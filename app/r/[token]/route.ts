import { followTrackedLink } from "@/lib/delivery/server";

type Context = { params: Promise<{ token: string }> };

const notFound = () =>
  new Response("This link is not valid.", {
    status: 404,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });

function redirect(target: string): Response {
  // no-store: every click reaches us. The token does not leak to the target: next.config.js's
  // Referrer-Policy (strict-origin-when-cross-origin) sends other sites the origin only.
  return new Response(null, { status: 302, headers: { location: target, "cache-control": "no-store" } });
}

/** A tracked link: records the first click on the message, then sends the browser to the link's stored target. */
export async function GET(_request: Request, { params }: Context) {
  const target = await followTrackedLink((await params).token);
  return target ? redirect(target) : notFound();
}

// Link scanners and previews probe with HEAD: they get the redirect, but no click is counted.
export async function HEAD(_request: Request, { params }: Context) {
  const target = await followTrackedLink((await params).token, { record: false });
  return target ? redirect(target) : notFound();
}
