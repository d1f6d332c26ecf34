import { recordOpen } from "@/lib/delivery/server";

type Context = { params: Promise<{ token: string }> };

// The smallest transparent GIF (1×1, 43 bytes).
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/** The e-mail open pixel: records message_opened once per message; no-store so each open reaches us. */
export async function GET(_request: Request, { params }: Context) {
  if (!(await recordOpen((await params).token)))
    return new Response("Not found.", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(new Uint8Array(PIXEL), {
    status: 200,
    headers: {
      "content-type": "image/gif",
      "content-length": String(PIXEL.length),
      "cache-control": "no-store, max-age=0",
    },
  });
}
