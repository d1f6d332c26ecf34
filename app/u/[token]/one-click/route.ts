import { updatePreferences } from "@/lib/delivery/server";

type Context = { params: Promise<{ token: string }> };

/**
 * RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to the
 * List-Unsubscribe URL (/u/<token>; proxy.ts routes that POST here). It opts the person out of the
 * message's channel at once, with no page and no sign-in.
 */
export async function POST(request: Request, { params }: Context) {
  const body = await request.text().catch(() => "");
  if (!new URLSearchParams(body).has("List-Unsubscribe")) {
    return new Response("Expected List-Unsubscribe=One-Click (RFC 8058).", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const done = await updatePreferences((await params).token, { oneClick: true });
  if (!done)
    return new Response("This unsubscribe link is not valid.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  return new Response("You are unsubscribed.", {
    status: 200,
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}
