import { z } from "zod";
import { PERMISSIONS } from "@/lib/auth";
import { requireRole } from "@/lib/auth/server";
import { providerChannelSchema } from "@/lib/delivery";
import { saveProvider } from "@/lib/delivery/server";
import { AppError } from "@/lib/http";
import { handle } from "@/lib/http/server";

export const PUT = handle(async (request: Request, { params }: { params: Promise<{ channel: string }> }) => {
  const actor = await requireRole(PERMISSIONS["delivery:configure"], request);
  const { channel } = z.object({ channel: providerChannelSchema }).parse(await params);
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError(400, "invalid_json", "The request body must be JSON.", "(body)");
  }
  return Response.json({ provider: await saveProvider(actor, channel, body) });
});
