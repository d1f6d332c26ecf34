import { handle } from "@/lib/http/server";
import { handleSingleRequest } from "@/lib/profiles/server";

// identify, track, alias, page, screen — authenticated by a workspace API key.
export const POST = handle(async (request: Request, { params }: { params: Promise<{ type: string }> }) =>
  handleSingleRequest(request, (await params).type),
);
